// Rendering helpers shared by the pages: every datum is put in with textContent (never as HTML), errors are shown
// with the API's explanation, and actions that change something ask first (confirmAction).
import { ApiError, session } from './api.js';

export const $ = (id) => document.getElementById(id);

/** Shows what failed, with the API's own explanation; never swallowed. */
export function showError(what, error) {
  const detail = error instanceof ApiError && error.status ? `${error.detail} (HTTP ${error.status})`
    : (error && error.message) || String(error);
  $('error-text').textContent = what ? `${what}: ${detail}` : detail;
  $('error').hidden = false;
}

export function clearError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

let noticeTimer = null;
export function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { $('notice').hidden = true; }, 8000);
}

export function cell(row, label, value, className) {
  const td = document.createElement('td');
  td.dataset.label = label;
  if (value instanceof Node) {
    td.append(value);
  } else {
    td.textContent = value === null || value === undefined ? '' : String(value);
  }
  if (className) {
    td.className = className;
  }
  row.append(td);
  return td;
}

export function link(text, href) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

export function fillTable(table, items, renderRow, emptyText) {
  const body = table.tBodies[0];
  body.replaceChildren();
  if (items.length === 0) {
    const tr = body.insertRow();
    const td = cell(tr, '', emptyText, 'muted');
    td.colSpan = table.tHead.rows[0] ? table.tHead.rows[0].cells.length : 1;
    return;
  }
  items.forEach((item) => {
    const tr = body.insertRow();
    renderRow(tr, item);
  });
}

export function num(value, digits = 2) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : String(value);
}

export function pct(rate, digits = 4) {
  if (rate === null || rate === undefined) {
    return '';
  }
  return `${(Number(rate) * 100).toFixed(digits)} %`;
}

export function signClass(value) {
  const n = Number(value);
  return n > 0 ? 'num pos' : n < 0 ? 'num neg' : 'num';
}

export function time(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString();
}

export function clockTime(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString();
}

/** Asks before acting: resolves to true (confirmed) or false. extra: nodes shown in the dialog (e.g. a select). */
export function confirmAction(title, text, okLabel, extra) {
  const dialog = $('confirm');
  if (dialog.open) {
    return Promise.resolve(false); // one question at a time: a second click while one is open asks nothing
  }
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = okLabel;
  $('confirm-extra').replaceChildren(...(extra || []));
  return new Promise((resolve) => {
    const done = (answer) => {
      $('confirm-ok').onclick = null;
      $('confirm-cancel').onclick = null;
      dialog.oncancel = null;
      if (dialog.open) {
        dialog.close();
      }
      resolve(answer);
    };
    $('confirm-ok').onclick = () => done(true);
    $('confirm-cancel').onclick = () => done(false);
    dialog.oncancel = () => done(false);
    dialog.showModal();
  });
}

export function pairs(list, entries) {
  list.replaceChildren();
  entries.forEach(([key, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value)
      : String(value);
    list.append(dt, dd);
  });
}

/** Runs a load, showing its failure instead of swallowing it. */
export async function load(what, action) {
  try {
    await action();
  } catch (e) {
    if (session.key) {
      showError(what, e);
    }
  }
}
