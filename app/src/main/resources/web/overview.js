// Overview: trading state with halt/resume (admins, after a confirmation), venue health, running runs, open positions
// with their PnL (every 5 s) and the events streaming in.
import { api, session } from './api.js';
import { MAX_EVENTS, eventItem, recentEvents } from './feed.js';
import { $, cell, clearError, confirmAction, fillTable, link, load, notice, num, showError, signClass, time }
  from './ui.js';

export async function show(visit) {
  const refresh = () => load('Overview', loadOverview);
  await refresh();
  visit.every(5000, refresh);
  const list = $('events');
  list.replaceChildren(...recentEvents.slice(0, MAX_EVENTS).map(eventItem));
  visit.onEvent((event) => {
    list.prepend(eventItem(event));
    while (list.children.length > MAX_EVENTS) {
      list.lastChild.remove();
    }
    if (/^(position_|run_|halt|resume)/.test(event.type)) {
      visit.soon('refresh', 300, refresh);
    }
  });
}

async function loadOverview() {
  const [status, health, runs, positions] = await Promise.all([
    api('GET', '/api/v1/status'),
    api('GET', '/api/v1/health'),
    api('GET', '/api/v1/strategies?status=running'),
    api('GET', '/api/v1/positions'),
  ]);
  session.me = status;
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

export function init() {
  $('halt').addEventListener('click', () => haltOrResume('halt'));
  $('resume').addEventListener('click', () => haltOrResume('resume'));
}
