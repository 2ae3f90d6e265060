// Charts of the console (Apache ECharts, served by the gateway among the versioned assets: ../vendor/). Every chart
// comes with its figures as a table: the chart is a picture for the eye (role=img, aria-label), the table is what
// screen readers and the tests read (table[data-chart=name], one tr[data-key] per figure).
import * as echarts from '../vendor/echarts.esm.min.js';
import { el } from '../ui.js';

const COLOURS = ['#c8161d', '#1a56db', '#1a7f37', '#9a5b00', '#6b3fa0', '#0f766e', '#545a63'];
const BASE = {
  animation: false,
  color: COLOURS,
  textStyle: { fontFamily: 'inherit' },
  // Rich-text tooltips are drawn on the canvas: no HTML with inline styles, which the pages' policy refuses.
  tooltip: { renderMode: 'richText' },
  grid: { left: 48, right: 20, top: 36, bottom: 36, containLabel: true },
};

/**
 * A card with a chart and its table. name: the data-chart name; title: the heading; option: the ECharts option;
 * columns: the table's headings; rows: [{ key, cells: [...] }] (the first cell is the row's heading).
 */
export function chartCard({ name, title, option, columns, rows, note, wide = false, caption }) {
  const titleId = 'chart-' + name + '-title';
  const box = el('div', { class: 'chart', role: 'img', 'aria-label': title + '（图表，数字见下表）', 'data-chart-box': name });
  const card = el('section', { class: 'card chart-card' + (wide ? ' wide' : ''), 'aria-labelledby': titleId },
    el('h3', { id: titleId }, title),
    note ? el('p', { class: 'muted' }, note) : null,
    rows.length ? box : el('p', { class: 'muted' }, '暂无数据'),
    dataTable(name, caption || title, columns, rows));
  if (rows.length) pending.push([box, { ...BASE, ...option, tooltip: { ...BASE.tooltip, ...(option.tooltip || {}) } }]);
  return card;
}

/** The figures of a chart as a table (also used alone). */
export function dataTable(name, caption, columns, rows) {
  return el('table', { class: 'desk-table chart-table', 'data-chart': name },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(column => el('th', { scope: 'col' }, column)))),
    el('tbody', {}, rows.map(row => el('tr', { 'data-key': row.key },
      row.cells.map((cell, i) => i === 0 ? el('th', { scope: 'row' }, String(cell)) : el('td', {}, String(cell)))))));
}

const pending = [];
const live = new Set();

/** Draws the charts of the cards rendered since the last call (the boxes must be in the document to have a size). */
export function drawCharts() {
  for (const chart of live) {
    if (!chart.getDom().isConnected) {
      chart.dispose();
      live.delete(chart);
    }
  }
  while (pending.length) {
    const [box, option] = pending.shift();
    if (!box.isConnected) continue;
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(option);
    live.add(chart);
  }
}

window.addEventListener('resize', () => live.forEach(chart => chart.resize()));
