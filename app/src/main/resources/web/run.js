// A run: status, config, event log and log tail, with stop, stop-and-close and start after a confirmation.
import { api } from './api.js';
import { eventItem } from './feed.js';
import { $, clearError, confirmAction, load, notice, pairs, showError } from './ui.js';

let shown = null; // { id, visit } of the run on screen: the page is the same for every run

export async function show(visit, id) {
  shown = { id, visit };
  $('run-id').textContent = id;
  const refresh = () => load(`Run ${id}`, () => loadRun(id, visit));
  $('run-status').replaceChildren();
  delete $('run-status').dataset.status;
  $('run-config').textContent = '';
  $('run-events').replaceChildren();
  $('run-log').textContent = '';
  await refresh();
  visit.every(5000, refresh);
  visit.onEvent((event) => {
    if (event.run === id) {
      visit.soon('refresh', 500, refresh);
    }
  });
}

async function loadRun(id, visit) {
  const path = `/api/v1/strategies/${encodeURIComponent(id)}`;
  const [status, events, logs] = await Promise.all([
    api('GET', path), api('GET', `${path}/events?limit=50`), api('GET', `${path}/logs?lines=100`)]);
  if (!visit.active) {
    return; // another run (or page) is on screen now
  }
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
  const { id, visit } = shown;
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
  await load(`Run ${id}`, () => loadRun(id, visit));
}

export function init() {
  $('run-stop').addEventListener('click', () => runAction('stop'));
  $('run-stop-close').addEventListener('click', () => runAction('stop-close'));
  $('run-start').addEventListener('click', () => runAction('start'));
}
