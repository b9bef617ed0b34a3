// Opportunities: the ranking with the seed's filters and sort (GET /api/v1/opportunities), re-read when it changes.
import { api } from './api.js';
import { $, cell, clearError, fillTable, load, num, pct, signClass, time } from './ui.js';

export async function show(visit) {
  const refresh = () => load('Opportunities', loadOpportunities);
  await refresh();
  // re-ranked after every funding round that changes it; the timer covers a feed that is down
  visit.onEvent((event) => {
    if (event.type === 'opportunities_changed') {
      refresh();
    }
  });
  visit.every(60000, refresh);
}

let appliedFilters = ''; // the query of the last Apply: refreshes use it, not what is half typed in the form

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
  const answer = await api('GET', `/api/v1/opportunities?${appliedFilters}`);
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

export function init() {
  $('opportunity-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    appliedFilters = opportunityQuery();
    clearError();
    load('Opportunities', loadOpportunities);
  });
  $('opportunity-filters').addEventListener('reset', () => setTimeout(() => {
    appliedFilters = '';
    clearError();
    load('Opportunities', loadOpportunities);
  }));
}
