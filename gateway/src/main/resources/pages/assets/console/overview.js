// 概览: the dashboard of one organisation of the organizer's scope (?org=, else the scope's root): members by worker
// type, new members per month against the year's target and per child organisation, unions founded, companies by
// pipeline step (a funnel), station visits per day (30 or 60 days, ?days=) and the busiest hours (weekday x hour).
// Every chart has its table (charts.js); an organisation outside the scope answers not found, as the API does.
import { api } from '../api.js';
import { el, render, beijingDay, workerTypeLabel } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { readOrganization, notFound, addDays } from './organizations.js';
import { chartCard, drawCharts } from './charts.js';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export async function showOverview(main, params) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const organization = await readOrganization(id);
  if (!organization) return render(main, notFound());
  const days = params.days === '60' ? 60 : 30;
  const today = beijingDay(Date.now());
  const from = addDays(today, -(days - 1));
  const org = encodeURIComponent(id);
  const [summary, report, visits, hours] = await Promise.all([
    api.get('/api/organizations/' + org + '/summary'),
    api.get('/api/organizations/' + org + '/reports/monthly'),
    api.get('/api/checkins/counts?organizationId=' + org + '&from=' + from + '&to=' + today),
    // 404: station-service knows no station under the organisation (its scope was checked above).
    api.get('/api/checkins/week-hours?organizationId=' + org + '&from=' + from + '&to=' + today)
      .catch(e => (e.status === 404 ? null : Promise.reject(e))),
  ]);

  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'overview-title' },
      el('div', { class: 'overview-head' },
        el('div', {},
          el('h2', { id: 'overview-title' }, organization.name),
          el('p', { class: 'muted' }, organization.kindLabel)),
        el('div', { class: 'row-buttons' },
          el('button', { type: 'button', class: 'btn btn-small btn-plain', onclick: () => go('tree', { org: id }) }, '查看组织架构'),
          el('button', { type: 'button', class: 'btn btn-small btn-plain', onclick: () => go('coverage', { org: id }) }, '查看驿站覆盖'))),
      el('dl', { class: 'facts overview-facts' },
        el('dt', {}, '会员'), el('dd', { 'data-figure': 'members' }, String(summary.members)),
        el('dt', {}, '下级组织'), el('dd', { 'data-figure': 'descendants' }, String(summary.descendants)),
        el('dt', {}, '新建工会'), el('dd', { 'data-figure': 'unionsFounded' }, String(summary.unionsFounded)))),
    el('div', { class: 'chart-grid' },
      membersByType(summary),
      newMembersByMonth(report),
      newMembersByChild(report),
      unionsFounded(report),
      companiesFunnel(report),
      visitsPerDay(visits, days, id),
      busiestHours(hours, days)));
  drawCharts();
}

function membersByType(summary) {
  // The contract others read: table[data-chart=members-by-type], tr[data-key=<WORKER_TYPE>], the count last.
  const rows = Object.entries(summary.membersByWorkerType || {})
    .map(([type, count]) => ({ key: type, label: workerTypeLabel(type), count }));
  return chartCard({
    name: 'members-by-type', title: '各类会员人数', caption: '各类会员人数',
    columns: ['类别', '人数'],
    rows: rows.map(row => ({ key: row.key, cells: [row.label, row.count] })),
    option: {
      xAxis: { type: 'category', data: rows.map(row => row.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '人数', data: rows.map(row => row.count), label: { show: true, position: 'top' } }],
    },
  });
}

const monthLabel = month => Number(month.slice(5, 7)) + '月';

function newMembersByMonth(report) {
  let running = 0;
  const rows = report.months.map(month => {
    running += month.total;
    return { key: month.month, cells: [monthLabel(month.month), month.total, running] };
  });
  const target = report.target ? report.target.total : 0;
  const completion = report.totalCompletionPercent;
  return chartCard({
    name: 'new-members-by-month', title: report.year + '年每月新入会人数',
    note: target ? '全年目标 ' + target + ' 人，已完成 ' + (completion == null ? '—' : completion + '%') : '本年度还没有目标',
    columns: ['月份', '新入会', '累计'],
    rows,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: rows.map(row => row.cells[0]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '当月新入会', data: rows.map(row => row.cells[1]) },
        { type: 'line', name: '累计', data: rows.map(row => row.cells[2]),
          markLine: target ? { symbol: 'none', label: { formatter: '全年目标 ' + target }, data: [{ yAxis: target }] } : undefined },
      ],
    },
  });
}

function newMembersByChild(report) {
  const children = report.children || [];
  const rows = children.map(child => ({ key: child.organizationId, cells: [child.name, child.figures.total,
    child.targetTotal, child.completionPercent == null ? '—' : child.completionPercent + '%'] }));
  return chartCard({
    name: 'new-members-by-child', title: '下级组织新入会与目标（' + report.year + '年）',
    columns: ['组织', '新入会', '目标', '完成率'],
    rows,
    option: {
      legend: { top: 0 },
      grid: { left: 12, right: 20, top: 36, bottom: 12, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: children.map(child => child.name),
        axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '新入会', data: children.map(child => child.figures.total) },
        { type: 'bar', name: '目标', data: children.map(child => child.targetTotal) },
      ],
    },
  });
}

function unionsFounded(report) {
  const rows = report.months.map(month => ({ key: month.month, cells: [monthLabel(month.month), month.unionsFounded] }));
  const target = report.target ? report.target.unionsFounded : 0;
  return chartCard({
    name: 'unions-founded', title: report.year + '年每月新建工会',
    note: '本年合计 ' + report.totals.unionsFounded + ' 个' + (target ? '，全年目标 ' + target + ' 个' : ''),
    columns: ['月份', '新建工会'],
    rows,
    option: {
      xAxis: { type: 'category', data: rows.map(row => row.cells[0]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '新建工会', data: rows.map(row => row.cells[1]) }],
    },
  });
}

function companiesFunnel(report) {
  const steps = report.companiesByStatus || [];
  return chartCard({
    name: 'companies-by-status', title: '企业建会进度（漏斗）',
    columns: ['阶段', '企业数'],
    rows: steps.map(step => ({ key: step.status, cells: [step.label, step.companies] })),
    option: {
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 16, bottom: 16, minSize: '10%',
        label: { show: true, position: 'inside', formatter: '{b}：{c}', color: '#fff' },
        data: steps.map(step => ({ name: step.label, value: step.companies })) }],
    },
  });
}

function visitsPerDay(visits, days, id) {
  const series = visits.days || [];
  const choose = n => el('button', { type: 'button', class: 'btn btn-small btn-plain', 'aria-pressed': String(days === n),
    onclick: () => go('overview', { org: id, days: n === 30 ? null : n }) }, '近 ' + n + ' 天');
  const card = chartCard({
    name: 'visits-per-day', title: '驿站每日到访（近 ' + days + ' 天）', wide: true,
    note: '共 ' + series.reduce((sum, day) => sum + day.visits, 0) + ' 人次，' + visits.stations + ' 个驿站有记录',
    columns: ['日期', '到访人次'],
    rows: series.map(day => ({ key: day.day, cells: [day.day, day.visits] })),
    option: {
      xAxis: { type: 'category', data: series.map(day => day.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: '到访人次', areaStyle: {}, data: series.map(day => day.visits) }],
    },
  });
  card.querySelector('h3').after(el('div', { class: 'row-buttons', role: 'group', 'aria-label': '时间范围' }, choose(30), choose(60)));
  scrollable(card, '每日到访数据表');
  return card;
}

function busiestHours(hours, days) {
  if (!hours) {
    return el('section', { class: 'card chart-card wide', 'aria-labelledby': 'chart-visits-by-hour-title' },
      el('h3', { id: 'chart-visits-by-hour-title' }, '到访高峰时段'),
      el('p', { class: 'muted', 'data-chart-empty': 'visits-by-hour' }, '该组织范围内还没有驿站'));
  }
  const grid = Array.from({ length: 7 }, () => new Array(24).fill(0));
  for (const cell of hours.cells) grid[cell.weekday - 1][cell.hour] = cell.visits;
  const max = Math.max(1, ...hours.cells.map(cell => cell.visits));
  const hourLabels = Array.from({ length: 24 }, (_, h) => String(h));
  const card = chartCard({
    name: 'visits-by-hour', title: '到访高峰时段（星期 × 小时，近 ' + days + ' 天）', wide: true,
    note: '共 ' + hours.total + ' 人次；颜色越深，到访越多（北京时间）',
    caption: '每个星期几各小时的到访人次',
    columns: ['星期', ...hourLabels.map(h => h + '时')],
    rows: grid.map((counts, i) => ({ key: String(i + 1), cells: [WEEKDAYS[i], ...counts] })),
    option: {
      grid: { left: 12, right: 20, top: 12, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: hourLabels, splitArea: { show: true } },
      yAxis: { type: 'category', data: WEEKDAYS, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#fdecec', '#c8161d'] } },
      series: [{ type: 'heatmap', name: '到访人次',
        data: hours.cells.map(cell => [cell.hour, cell.weekday - 1, cell.visits]) }],
    },
  });
  card.querySelector('table').classList.add('compact');
  scrollable(card, '高峰时段数据表');
  return card;
}

/** A long or wide table scrolls inside its own region, reachable by keyboard. */
function scrollable(card, label) {
  const table = card.querySelector('table');
  const region = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label });
  table.replaceWith(region);
  region.append(table);
}
