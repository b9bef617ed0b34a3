// Positions: open funding-arbitrage positions with live PnL; a close asks first, and again when the API answers
// wide_spread_warning, then re-sends with confirm_wide_spread: true.
import { api } from './api.js';
import { $, cell, clearError, confirmAction, fillTable, load, notice, num, showError, signClass, time }
  from './ui.js';

export async function show(visit) {
  const refresh = () => load('Positions', loadPositions);
  await refresh();
  visit.every(5000, refresh);
}

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
