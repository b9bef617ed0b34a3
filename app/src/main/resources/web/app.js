// perpflow dashboard: one page, hash routes (#/overview, #/opportunities, #/funding, #/positions, #/run/<id>).
// Every action calls the same REST API as any client, with the API key in the X-API-Key header; the key lives in
// this tab's sessionStorage only, never in a URL. Everything shown is set with textContent, never as HTML.
import { drawLineChart } from './chart.js';

const KEY_STORAGE = 'perpflow.apiKey';
const MAX_EVENTS = 100;
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- session and API

let apiKey = sessionStorage.getItem(KEY_STORAGE);
let me = null; // GET /api/v1/status of the signed-in caller
let config = { ws_enabled: false, ws_port: null, ws_path: '/ws/events' };

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (apiKey) {
    headers['X-API-Key'] = apiKey;
  }
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `perpflow did not answer (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const detail = json && json.detail ? json.detail : `HTTP ${response.status}`;
    if (response.status === 401 && me) {
      signOut(`Signed out: ${detail}`);
    }
    throw new ApiError(response.status, detail);
  }
  return json;
}

/** Shows what failed, with the API's own explanation; never swallowed. */
function showError(what, error) {
  const detail = error instanceof ApiError && error.status ? `${error.detail} (HTTP ${error.status})`
    : (error && error.message) || String(error);
  $('error-text').textContent = what ? `${what}: ${detail}` : detail;
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

let noticeTimer = null;
function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { $('notice').hidden = true; }, 8000);
}

async function signIn(key) {
  apiKey = key;
  try {
    me = await api('GET', '/api/v1/status');
  } catch (e) {
    apiKey = null;
    me = null;
    throw e;
  }
  sessionStorage.setItem(KEY_STORAGE, key);
  $('who').textContent = `${me.user}${me.is_admin ? ' (admin)' : ''}`;
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('session').hidden = false;
  connectFeed();
  route();
}

function signOut(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  apiKey = null;
  me = null;
  disconnectFeed();
  leavePage();
  document.querySelectorAll('.page').forEach((page) => { page.hidden = true; });
  $('nav').hidden = true;
  $('session').hidden = true;
  $('sign-in').hidden = false;
  $('api-key').value = '';
  if (message) {
    $('sign-in-error').textContent = message;
    $('sign-in-error').hidden = false;
  }
}

// ---------------------------------------------------------------- small rendering helpers

function cell(row, label, value, className) {
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

function link(text, href) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function fillTable(table, items, renderRow, emptyText) {
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

function num(value, digits = 2) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : String(value);
}

function pct(rate, digits = 4) {
  if (rate === null || rate === undefined) {
    return '';
  }
  return `${(Number(rate) * 100).toFixed(digits)} %`;
}

function signClass(value) {
  const n = Number(value);
  return n > 0 ? 'num pos' : n < 0 ? 'num neg' : 'num';
}

function time(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString();
}

function clockTime(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString();
}

/** Asks before acting: resolves to true (confirmed) or false. extra: nodes shown in the dialog (e.g. a select). */
function confirmAction(title, text, okLabel, extra) {
  const dialog = $('confirm');
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

// ---------------------------------------------------------------- live event feed

const feed = { socket: null, retryMs: 1000, timer: null, listeners: new Set() };
const recentEvents = [];

function setFeedState(state, title) {
  const badge = $('feed-state');
  badge.textContent = `feed: ${state}`;
  badge.className = `feed-state ${state}`;
  badge.title = title || 'live event feed';
  badge.dataset.state = state;
}

function connectFeed() {
  clearTimeout(feed.timer);
  if (!apiKey) {
    return;
  }
  if (!config.ws_enabled || !config.ws_port) {
    setFeedState('unavailable', config.ws_enabled ? 'the feed port is chosen by the system (perpflow.ws.port=0)'
      : 'the event feed is off (perpflow.ws.enabled=false)');
    return;
  }
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
  let socket;
  try {
    socket = new WebSocket(`ws://${host}:${config.ws_port}${config.ws_path}`);
  } catch (e) {
    setFeedState('offline', e.message);
    return;
  }
  feed.socket = socket;
  setFeedState('connecting');
  // the key goes in the first message, never in the URL (docs/EVENTS.md)
  socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', api_key: apiKey }));
  socket.onmessage = (message) => {
    let frame;
    try {
      frame = JSON.parse(message.data);
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      feed.retryMs = 1000;
      setFeedState('live', `signed in as ${frame.user}`);
    } else if (frame.type === 'error') {
      showError('Live feed', new Error(frame.detail));
    } else if (frame.id !== undefined) {
      recentEvents.unshift(frame);
      recentEvents.length = Math.min(recentEvents.length, MAX_EVENTS);
      feed.listeners.forEach((listener) => listener(frame));
    }
  };
  socket.onclose = (event) => {
    if (feed.socket !== socket) {
      return;
    }
    feed.socket = null;
    setFeedState('offline', `closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`);
    if (event.code === 1008) {
      return; // the key was refused or revoked: reconnecting would not help
    }
    if (apiKey) {
      feed.timer = setTimeout(connectFeed, feed.retryMs);
      feed.retryMs = Math.min(feed.retryMs * 2, 30000);
    }
  };
}

function disconnectFeed() {
  clearTimeout(feed.timer);
  const socket = feed.socket;
  feed.socket = null;
  if (socket) {
    socket.close(1000, 'signed out');
  }
  recentEvents.length = 0;
  setFeedState('offline');
}

function describeEvent(event) {
  const p = event.payload || {};
  switch (event.type) {
    case 'funding_round_stored':
      return `${p.venue}: ${p.rates} rates in ${p.latency_ms} ms`;
    case 'opportunities_changed':
      return `${p.count} opportunities`;
    case 'order_submitted': case 'order_filled': case 'order_cancelled': case 'order_rejected': case 'order_unknown':
      return `${p.side} ${p.quantity} ${p.symbol} @ ${p.price ?? 'market'} on ${p.venue} (${p.status})`;
    case 'order_fill':
      return `${p.side} ${p.quantity} ${p.symbol} @ ${p.price} on ${p.venue} (${p.liquidity})`;
    default:
      return p.message || p.error || p.detail || '';
  }
}

function eventItem(event) {
  const li = document.createElement('li');
  li.className = `level-${event.level || 'info'}`;
  li.dataset.type = event.type;
  const when = document.createElement('span');
  when.className = 'time';
  when.textContent = clockTime(event.time);
  const type = document.createElement('span');
  type.className = 'type';
  type.textContent = event.type;
  const scope = [event.account, event.run].filter(Boolean).join(' · ');
  li.append(when, type, document.createTextNode(`${scope ? `[${scope}] ` : ''}${describeEvent(event)}`));
  return li;
}

// ---------------------------------------------------------------- pages

let current = null; // { page, timers: [], listener }

function every(ms, action) {
  current.timers.push(setInterval(action, ms));
}

function onEvent(listener) {
  current.listener = listener;
  feed.listeners.add(listener);
}

function leavePage() {
  if (!current) {
    return;
  }
  current.timers.forEach(clearInterval);
  if (current.listener) {
    feed.listeners.delete(current.listener);
  }
  current = null;
}

/** Runs a load, showing its failure instead of swallowing it. */
async function load(what, action) {
  try {
    await action();
  } catch (e) {
    if (apiKey) {
      showError(what, e);
    }
  }
}

const pages = {
  async overview() {
    const refresh = () => load('Overview', loadOverview);
    await refresh();
    every(5000, refresh);
    const list = $('events');
    list.replaceChildren(...recentEvents.slice(0, MAX_EVENTS).map(eventItem));
    let pending = null;
    onEvent((event) => {
      list.prepend(eventItem(event));
      while (list.children.length > MAX_EVENTS) {
        list.lastChild.remove();
      }
      if (/^(position_|run_|halt|resume)/.test(event.type) && !pending) {
        pending = setTimeout(() => { pending = null; refresh(); }, 300);
      }
    });
  },

  async opportunities() {
    await load('Opportunities', loadOpportunities);
    every(15000, () => load('Opportunities', loadOpportunities));
  },

  async funding() {
    await load('Funding rates', loadFundingRates);
    every(30000, () => load('Funding rates', loadFundingRates));
  },

  async positions() {
    const refresh = () => load('Positions', loadPositions);
    await refresh();
    every(5000, refresh);
  },

  async run(id) {
    $('run-id').textContent = id;
    const refresh = () => load(`Run ${id}`, () => loadRun(id));
    $('run-events').replaceChildren();
    $('run-log').textContent = '';
    await refresh();
    every(5000, refresh);
    onEvent((event) => {
      if (event.run === id) {
        refresh();
      }
    });
  },
};

async function route() {
  if (!me) {
    return;
  }
  leavePage();
  clearError();
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = pages[name] ? name : 'overview';
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : null;
  document.querySelectorAll('.page').forEach((section) => { section.hidden = section.id !== `page-${page}`; });
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('current', a.dataset.page === page));
  current = { page, timers: [], listener: null };
  await pages[page](argument);
}

// ---------------------------------------------------------------- overview

async function loadOverview() {
  const [status, health, runs, positions] = await Promise.all([
    api('GET', '/api/v1/status'),
    api('GET', '/api/v1/health'),
    api('GET', '/api/v1/strategies?status=running'),
    api('GET', '/api/v1/positions'),
  ]);
  me = status;
  const state = $('trading-state');
  state.textContent = status.trading_state;
  state.className = `state-${status.trading_state}`;
  const accounts = Object.entries(status.account_trading_states || {}).map(([account, s]) => {
    const li = document.createElement('li');
    li.textContent = `${account}: ${s.state} since ${time(s.since)} (${s.reason})`;
    return li;
  });
  $('account-states').replaceChildren(...accounts);
  $('halt-controls').hidden = !status.is_admin;
  $('halt').disabled = status.trading_state === 'HALTED';
  $('resume').disabled = status.trading_state !== 'HALTED';

  const venues = health.dex_health || [];
  const off = venues.filter((v) => !v.is_active).map((v) => v.display_name || v.name);
  $('venues-off').textContent = off.length ? `Not enabled: ${off.join(', ')}` : '';
  fillTable($('venues'), venues.filter((v) => v.is_active), (tr, v) => {
    tr.dataset.venue = v.name;
    cell(tr, 'Venue', v.display_name || v.name);
    cell(tr, 'Status', v.is_healthy ? 'healthy' : 'unhealthy', v.is_healthy ? 'pos' : 'neg');
    cell(tr, 'Last fetch', time(v.last_successful_fetch));
    cell(tr, 'Errors', v.consecutive_errors ? `${v.consecutive_errors}: ${v.last_error || ''}` : '0');
  }, 'No venue is enabled.');

  fillTable($('running-runs'), runs.strategies, (tr, run) => {
    tr.dataset.run = run.id;
    cell(tr, 'Run', link(run.id, `#/run/${encodeURIComponent(run.id)}`));
    cell(tr, 'Strategy', run.strategy);
    cell(tr, 'Account', run.account_name);
    cell(tr, 'Venue', run.venue);
    cell(tr, 'Started', time(run.started_at));
  }, 'No run is running.');

  fillTable($('overview-positions'), positions.positions, (tr, p) => {
    cell(tr, 'Symbol', p.symbol);
    cell(tr, 'Long', p.long_dex);
    cell(tr, 'Short', p.short_dex);
    cell(tr, 'Size USD', num(p.size_usd), 'num');
    cell(tr, 'Net PnL USD', num(p.net_pnl_usd, 4), signClass(p.net_pnl_usd));
    cell(tr, 'Run', link(p.run_id, `#/run/${encodeURIComponent(p.run_id)}`));
  }, 'No open position.');
}

async function haltOrResume(action) {
  const halting = action === 'halt';
  const yes = await confirmAction(halting ? 'Halt trading?' : 'Resume trading?',
    halting ? 'Every account stops taking new risk and its working orders are cancelled. Positions stay monitored; '
      + 'runs wait until you resume.'
      : 'Runs carry on and may open new positions.',
    halting ? 'Halt' : 'Resume');
  if (!yes) {
    return;
  }
  try {
    const answer = await api('POST', `/api/v1/${action}`);
    clearError();
    notice(halting ? `Trading ${answer.trading_state}: ${answer.cancelled_orders.length} order(s) cancelled`
      + (answer.failed_cancels.length ? `, ${answer.failed_cancels.length} cancel(s) failed` : '')
      : `Trading ${answer.trading_state}`);
  } catch (e) {
    showError(halting ? 'Halt' : 'Resume', e);
  }
  await load('Overview', loadOverview);
}

// ---------------------------------------------------------------- opportunities

function opportunityQuery() {
  const query = new URLSearchParams();
  const form = $('opportunity-filters');
  for (const element of form.elements) {
    if (element.name && element.value.trim() !== '') {
      query.set(element.name, element.value.trim());
    }
  }
  return query.toString();
}

async function loadOpportunities() {
  const answer = await api('GET', `/api/v1/opportunities?${opportunityQuery()}`);
  $('opportunities-meta').textContent = `${answer.total_count} opportunit${answer.total_count === 1 ? 'y' : 'ies'}`
    + `, ranked ${time(answer.generated_at)}`;
  fillTable($('opportunities'), answer.opportunities, (tr, o) => {
    cell(tr, 'Symbol', o.symbol);
    cell(tr, 'Long', o.long_dex);
    cell(tr, 'Short', o.short_dex);
    cell(tr, 'Long rate (8 h)', pct(o.long_rate), 'num');
    cell(tr, 'Short rate (8 h)', pct(o.short_rate), 'num');
    cell(tr, 'Divergence', pct(o.divergence), 'num');
    cell(tr, 'Fees', pct(o.estimated_fees), 'num');
    cell(tr, 'Net profit', pct(o.net_profit_percent), signClass(o.net_profit_percent));
    cell(tr, 'APY %', num(o.annualized_apy, 2), signClass(o.annualized_apy));
    cell(tr, 'Min volume', num(o.min_volume_24h, 0), 'num');
    cell(tr, 'Min OI', num(o.min_oi_usd, 0), 'num');
  }, 'No opportunity matches these filters.');
}

// ---------------------------------------------------------------- funding rates and chart

let fundingSymbols = [];

async function loadFundingRates() {
  const answer = await api('GET', '/api/v1/funding-rates');
  const data = answer.data || {};
  const symbols = Object.keys(data).sort();
  const venues = [...new Set(symbols.flatMap((s) => Object.keys(data[s])))].sort();
  $('funding-meta').textContent = `${answer.count} rates, updated ${time(answer.updated_at)}`;
  const table = $('funding-rates');
  const head = document.createElement('tr');
  ['Symbol', ...venues].forEach((name) => {
    const th = document.createElement('th');
    th.textContent = name;
    if (name !== 'Symbol') {
      th.className = 'num';
    }
    head.append(th);
  });
  table.tHead.replaceChildren(head);
  fillTable(table, symbols, (tr, symbol) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = symbol;
    button.addEventListener('click', () => {
      $('chart-symbol').value = symbol;
      load('Funding chart', drawFundingChart);
    });
    cell(tr, 'Symbol', button);
    venues.forEach((venue) => cell(tr, venue, data[symbol][venue] === undefined ? '' : pct(data[symbol][venue]),
      signClass(data[symbol][venue])));
  }, 'No funding rate collected yet.');

  const select = $('chart-symbol');
  if (symbols.join() !== fundingSymbols.join()) {
    const chosen = select.value;
    select.replaceChildren(...symbols.map((symbol) => new Option(symbol, symbol)));
    select.value = symbols.includes(chosen) ? chosen : symbols.includes('BTC') ? 'BTC' : symbols[0] || '';
    fundingSymbols = symbols;
  }
  await drawFundingChart(data);
}

async function drawFundingChart(latest) {
  const symbol = $('chart-symbol').value;
  const chart = $('funding-chart');
  if (!symbol) {
    chart.replaceChildren();
    return;
  }
  const data = latest || (await api('GET', '/api/v1/funding-rates')).data || {};
  const venues = Object.keys(data[symbol] || {}).sort();
  const period = $('chart-period').value;
  const histories = await Promise.all(venues.map((venue) =>
    api('GET', `/api/v1/history/funding-rates/${encodeURIComponent(venue)}/${encodeURIComponent(symbol)}`
      + `?period=${period}&limit=1000`)));
  const series = histories.map((history, i) => ({
    name: venues[i],
    points: history.data_points.map((p) => ({ t: Date.parse(p.time), v: Number(p.funding_rate) })),
  }));
  chart.dataset.symbol = symbol;
  chart.dataset.series = String(drawLineChart(chart, series,
    { yFormat: (v) => `${(v * 100).toFixed(4)}%`, title: `${symbol} funding rate (8 h) per venue` }));
}

// ---------------------------------------------------------------- a run

function pairs(list, entries) {
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

async function loadRun(id) {
  const path = `/api/v1/strategies/${encodeURIComponent(id)}`;
  const [status, events, logs] = await Promise.all([
    api('GET', path), api('GET', `${path}/events?limit=50`), api('GET', `${path}/logs?lines=100`)]);
  const { parameters, ...rest } = status;
  pairs($('run-status'), Object.entries(rest));
  $('run-status').dataset.status = status.status;
  $('run-config').textContent = parameters ? Object.entries(parameters)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`).join('\n')
    : '(not shown for this run)';
  const running = status.status === 'running';
  $('run-stop').disabled = !running && status.status !== 'stopping';
  $('run-stop-close').disabled = !running && status.status !== 'stopping';
  $('run-stop-close').hidden = status.strategy === 'grid';
  $('run-start').disabled = running;
  $('run-events').replaceChildren(...(events.events.length ? events.events.map((e) => eventItem({
    type: e.type, level: String(e.level).toLowerCase(), time: e.time, payload: { message: e.message } }))
    : [Object.assign(document.createElement('li'), { textContent: 'No event yet.', className: 'muted' })]));
  $('run-log').textContent = logs.lines.length ? logs.lines.join('\n') : '(no log lines yet)';
}

async function runAction(action) {
  const id = $('run-id').textContent;
  const path = `/api/v1/strategies/${encodeURIComponent(id)}`;
  const questions = {
    stop: ['Stop this run?', 'It makes no new entries. Positions it holds stay open and watched until flat.', 'Stop'],
    'stop-close': ['Stop and close its positions?',
      'It makes no new entries and closes every position it holds at market.', 'Stop and close'],
    start: ['Start this run?', 'It starts (or resumes) trading with its config.', 'Start'],
  };
  const [title, text, ok] = questions[action];
  if (!(await confirmAction(title, text, ok))) {
    return;
  }
  try {
    const answer = action === 'start' ? await api('POST', `${path}/start`)
      : await api('POST', `${path}/stop${action === 'stop-close' ? '?close_positions=true' : ''}`);
    clearError();
    notice(`Run ${id}: ${answer.status}${answer.detail ? ` — ${answer.detail}` : ''}`);
  } catch (e) {
    showError(`Run ${id}`, e);
  }
  await load(`Run ${id}`, () => loadRun(id));
}

// ---------------------------------------------------------------- positions

function legText(leg) {
  if (!leg) {
    return '';
  }
  return `${leg.side} ${leg.quantity} @ ${leg.entry_price}${leg.mark_price ? `, mark ${leg.mark_price}` : ''}`
    + `${leg.unrealized_pnl !== undefined ? `, uPnL ${num(leg.unrealized_pnl, 4)}` : ''}`;
}

async function loadPositions() {
  const answer = await api('GET', '/api/v1/positions');
  fillTable($('positions'), answer.positions, (tr, p) => {
    tr.dataset.position = p.id;
    cell(tr, 'Symbol', p.symbol);
    cell(tr, 'Status', p.status);
    cell(tr, 'Long leg', `${p.long_dex}: ${legText(p.legs[p.long_dex])}`);
    cell(tr, 'Short leg', `${p.short_dex}: ${legText(p.legs[p.short_dex])}`);
    cell(tr, 'Size USD', num(p.size_usd), 'num');
    cell(tr, 'Funding USD', num(p.cumulative_funding_usd, 4), signClass(p.cumulative_funding_usd));
    cell(tr, 'Fees USD', num(p.total_fees_usd, 4), 'num');
    cell(tr, 'Net PnL USD', num(p.net_pnl_usd, 4), signClass(p.net_pnl_usd));
    cell(tr, 'Opened', time(p.opened_at));
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'danger close-position';
    close.textContent = 'Close';
    close.disabled = p.status !== 'open';
    close.addEventListener('click', () => closePosition(p));
    cell(tr, '', close);
  }, 'No open position.');
}

async function closePosition(position) {
  const type = document.createElement('select');
  type.id = 'close-order-type';
  type.append(new Option('market', 'market'), new Option('limit', 'limit'));
  const label = document.createElement('label');
  label.append('Order type ', type);
  const yes = await confirmAction(`Close ${position.symbol}?`,
    `Both legs (${position.long_dex} long, ${position.short_dex} short) are closed.`, 'Close', [label]);
  if (!yes) {
    return;
  }
  const path = `/api/v1/positions/${encodeURIComponent(position.id)}/close`;
  try {
    let answer = await api('POST', path, { order_type: type.value });
    if (answer.wide_spread_warning) {
      const anyway = await confirmAction('Wide spread', `${answer.message || ''} The spread is `
        + `${num(answer.spread_pct, 2)} %: closing now costs more than usual. Close anyway?`, 'Close anyway');
      if (!anyway) {
        notice(`${position.symbol} left open`);
        return;
      }
      answer = await api('POST', path, { order_type: type.value, confirm_wide_spread: true });
    }
    clearError();
    if (answer.success) {
      notice(`${position.symbol} closed${answer.pnl_usd !== undefined ? `: PnL ${num(answer.pnl_usd, 4)} USD` : ''}`);
    } else {
      showError(`Close ${position.symbol}`, new Error(answer.message || 'not closed'));
    }
  } catch (e) {
    showError(`Close ${position.symbol}`, e);
  }
  await load('Positions', loadPositions);
}

// ---------------------------------------------------------------- start

async function start() {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    $('sign-in-error').hidden = true;
    $('sign-in-button').disabled = true;
    try {
      await signIn(key);
      clearError();
    } catch (e) {
      $('sign-in-error').textContent = e instanceof ApiError && e.status === 401 ? `Not signed in: ${e.detail}`
        : `Not signed in: ${e.message}`;
      $('sign-in-error').hidden = false;
    } finally {
      $('sign-in-button').disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('error-close').addEventListener('click', clearError);
  $('halt').addEventListener('click', () => haltOrResume('halt'));
  $('resume').addEventListener('click', () => haltOrResume('resume'));
  $('run-stop').addEventListener('click', () => runAction('stop'));
  $('run-stop-close').addEventListener('click', () => runAction('stop-close'));
  $('run-start').addEventListener('click', () => runAction('start'));
  $('opportunity-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load('Opportunities', loadOpportunities);
  });
  $('opportunity-filters').addEventListener('reset', () => setTimeout(() => load('Opportunities', loadOpportunities)));
  $('chart-symbol').addEventListener('change', () => load('Funding chart', () => drawFundingChart()));
  $('chart-period').addEventListener('change', () => load('Funding chart', () => drawFundingChart()));
  window.addEventListener('hashchange', route);

  try {
    const response = await fetch('/ui/config.json', { cache: 'no-store' });
    config = await response.json();
  } catch (e) {
    showError('Dashboard config', e);
  }
  if (apiKey) {
    try {
      await signIn(apiKey);
    } catch (e) {
      signOut(`Not signed in: ${e.message}`);
    }
  } else {
    signOut();
  }
}

start();
