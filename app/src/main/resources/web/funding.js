// Funding rates: the latest 8-hour-normalized rate by symbol and venue, and one symbol's history per venue as a chart.
import { api } from './api.js';
import { drawLineChart } from './chart.js';
import { $, cell, fillTable, load, pct, signClass, time } from './ui.js';

export async function show(visit) {
  await load('Funding rates', loadFundingRates);
  visit.every(30000, () => load('Funding rates', loadFundingRates));
}

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

export function init() {
  $('chart-symbol').addEventListener('change', () => load('Funding chart', () => drawFundingChart()));
  $('chart-period').addEventListener('change', () => load('Funding chart', () => drawFundingChart()));
}
