// A small SVG line chart (no library): one line per series, a zero line, y grid with labels, time on x.

const SVG = 'http://www.w3.org/2000/svg';
export const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function timeLabel(ms, spanMs) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (spanMs < 15 * 60 * 1000) {
    return `${hm}:${pad(d.getSeconds())}`;
  }
  return spanMs > 36 * 3600 * 1000 ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}` : hm;
}

/** A round step (1, 2 or 5 times a power of ten) giving about `count` intervals over span. */
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/**
 * Draws series = [{ name, points: [{ t: epoch ms, v: number }] }] into container (replacing what it held).
 * yFormat turns a value into an axis label. Returns the number of series drawn.
 */
export function drawLineChart(container, series, options = {}) {
  const { yFormat = String, title = '' } = options;
  drawn.set(container, { series, options });
  container.replaceChildren();
  const withData = series.filter((s) => s.points.length > 0);
  if (withData.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.textContent = 'No history yet for this symbol.';
    container.append(empty);
    return 0;
  }
  const width = Math.max(300, Math.round(container.clientWidth || 800));
  const height = width < 500 ? 220 : 300;
  const m = { top: 12, right: 14, bottom: 30, left: 70 };
  const all = withData.flatMap((s) => s.points);
  let xMin = Math.min(...all.map((p) => p.t));
  let xMax = Math.max(...all.map((p) => p.t));
  if (xMax === xMin) {
    xMin -= 60_000;
    xMax += 60_000;
  }
  let yMin = Math.min(0, ...all.map((p) => p.v));
  let yMax = Math.max(0, ...all.map((p) => p.v));
  if (yMax === yMin) {
    yMax += 1e-6;
  }
  const step = niceStep(yMax - yMin, 4);
  yMin = Math.floor(yMin / step) * step;
  yMax = Math.ceil(yMax / step) * step;
  const x = (t) => m.left + ((t - xMin) / (xMax - xMin)) * (width - m.left - m.right);
  const y = (v) => m.top + (1 - (v - yMin) / (yMax - yMin)) * (height - m.top - m.bottom);

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(el('title', {}, title));
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    svg.append(el('line', { class: 'grid-line', x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }));
    svg.append(el('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, yFormat(v)));
  }
  const xTicks = width < 500 ? 2 : 4;
  for (let i = 0; i <= xTicks; i++) {
    const t = xMin + ((xMax - xMin) * i) / xTicks;
    const anchor = i === 0 ? 'start' : i === xTicks ? 'end' : 'middle';
    svg.append(el('text', { x: x(t), y: height - 8, 'text-anchor': anchor }, timeLabel(t, xMax - xMin)));
  }
  svg.append(el('line', { class: 'axis', x1: m.left, x2: width - m.right, y1: y(0), y2: y(0) }));
  svg.append(el('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: height - m.bottom }));

  const legend = document.createElement('div');
  legend.className = 'legend';
  series.forEach((s, index) => {
    if (s.points.length === 0) {
      return;
    }
    const color = COLORS[index % COLORS.length];
    const sorted = [...s.points].sort((a, b) => a.t - b.t);
    const path = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    svg.append(el('path', { class: 'series', d: path, stroke: color, 'data-series': s.name }));
    if (sorted.length === 1) {
      svg.append(el('circle', { cx: x(sorted[0].t), cy: y(sorted[0].v), r: 3, fill: color }));
    }
    const key = document.createElement('span');
    key.style.setProperty('--swatch', color);
    key.textContent = `${s.name} (${s.points.length})`;
    legend.append(key);
  });
  container.append(svg, legend);
  return withData.length;
}

// charts are drawn at their container's width (so labels keep their size on a phone) and redrawn when it changes
const drawn = new Map();
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const [container, { series, options }] of drawn) {
      if (container.isConnected && container.offsetParent !== null) {
        drawLineChart(container, series, options);
      }
    }
  }, 150);
});
