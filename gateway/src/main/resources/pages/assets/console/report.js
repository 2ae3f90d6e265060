// 月报: the monthly report of an organisation's subtree on screen, laid out row for row and cell for cell as its XLSX
// download (organization-service's MonthlyReportWorkbook): the months with gross figures apart, the year's total,
// the target and the completion rate, late adjustments of closed months, a row per child, companies by status and
// members. Numbers are written plainly (no separators), as the workbook's numeric cells hold them.
import { api } from '../api.js';
import { el, render } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { beijingToday, field, scroller } from './work.js';
import { downloadButton } from '../download.js';

const FIGURES = ['新入会合计', '退会', '转入', '转出', '净增', '新建工会数'];
const CHILD_HEADINGS = ['下级组织', '新入会合计', '退会', '转入', '转出', '净增', '新建工会数', '新入会目标', '完成率（%）', '会员总数'];

const monthLabel = month => month.slice(0, 4) + '年' + Number(month.slice(5)) + '月';
const number = value => (value === null || value === undefined ? '' : String(value));

export async function showReport(main, params = {}) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const today = beijingToday();
  const year = Number(params.year || today.year);
  const month = Number(params.month || (year === today.year ? today.month : 12));
  render(main, el('p', { class: 'muted' }, '正在生成月报……'));
  const query = '?year=' + year + '&month=' + month;
  const path = '/api/organizations/' + encodeURIComponent(id) + '/reports/monthly';
  const report = await api.get(path + query);
  const types = report.workerTypes;

  const yearPicker = el('select', { name: 'year' }, [today.year - 2, today.year - 1, today.year].map(y =>
    el('option', { value: y, selected: y === year }, y + ' 年')));
  const monthPicker = el('select', { name: 'month' }, Array.from({ length: 12 }, (_, i) => i + 1).map(m =>
    el('option', { value: m, selected: m === month }, m + ' 月')));
  const choose = () => go('report', { ...params, year: yearPicker.value, month: monthPicker.value });
  yearPicker.addEventListener('change', choose);
  monthPicker.addEventListener('change', choose);

  const figureCells = (label, f) => [el('th', { scope: 'row' }, label),
    types.map(t => el('td', {}, number(f.newMembers[t.code] || 0))),
    [f.total, f.leavers, f.transfersIn, f.transfersOut, f.net, f.unionsFounded].map(v => el('td', {}, number(v)))].flat();
  // A row of the target or completion: a value per worker type, the total under 新入会合计, unions under 新建工会数.
  const spread = (label, perType, total, unions) => [el('th', { scope: 'row' }, label),
    types.map(t => el('td', {}, number(perType[t.code]))), el('td', {}, number(total)),
    el('td', {}), el('td', {}), el('td', {}), el('td', {}), el('td', {}, number(unions))].flat();

  const months = el('table', { class: 'desk-table report', 'data-report': 'months' },
    el('caption', {}, report.organizationName + report.year + '年1—' + report.month + '月建会入会工作月报'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '月份'), types.map(t => el('th', { scope: 'col' }, t.label)),
      [...FIGURES, '结账'].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {},
      report.months.map(m => el('tr', { 'data-key': m.month }, figureCells(monthLabel(m.month), m), el('td', {}, m.closed ? '已结账' : ''))),
      el('tr', { 'data-key': 'year' }, figureCells('累计', report.totals)),
      el('tr', { 'data-key': 'target' }, spread('年度目标', Object.fromEntries(types.map(t => [t.code, report.target.newMembers[t.code] || 0])),
        report.target.total, report.target.unionsFounded)),
      el('tr', { 'data-key': 'completion' }, spread('完成率（%）', report.completionPercent || {}, report.totalCompletionPercent,
        report.unionsCompletionPercent))));

  const late = report.months.filter(m => m.lateAdjustments);
  const adjustments = late.length ? el('table', { class: 'desk-table report', 'data-report': 'adjustments' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '结账后补录（不计入上表）'))),
    el('tbody', {}, late.map(m => el('tr', { 'data-key': m.month }, figureCells(monthLabel(m.month), m.lateAdjustments))))) : null;

  const children = el('table', { class: 'desk-table report', 'data-report': 'children' },
    el('thead', {}, el('tr', {}, CHILD_HEADINGS.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, report.children.map(c => el('tr', { 'data-key': c.organizationId }, el('th', { scope: 'row' }, c.name),
      [c.figures.total, c.figures.leavers, c.figures.transfersIn, c.figures.transfersOut, c.figures.net,
        c.figures.unionsFounded, c.targetTotal, c.completionPercent, c.members].map(v => el('td', {}, number(v)))))));

  const companies = el('table', { class: 'desk-table report', 'data-report': 'companies' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '企业建会状态'), el('th', { scope: 'col' }, '企业数'))),
    el('tbody', {}, report.companiesByStatus.map(s => el('tr', { 'data-key': s.status }, el('th', { scope: 'row' }, s.label),
      el('td', {}, number(s.companies))))),
    el('tfoot', {}, el('tr', { 'data-key': 'members' }, el('th', { scope: 'row' }, '会员总数'), el('td', {}, number(report.members))),
      report.consultations ? el('tr', { 'data-key': 'consultations' }, el('th', { scope: 'row' }, '本月集体协商（次）'),
        el('td', {}, number(report.consultations.month)), el('td', {}, '本年累计 ' + report.consultations.yearToDate)) : null));

  // The workbook's second sheet, 维权求助: this month and the year so far.
  const help = report.helpCases;
  const helpRow = (label, month, year) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, number(month)), el('td', {}, number(year)));
  const helpCases = help ? el('table', { class: 'desk-table report', 'data-help-report': 'help-cases' },
    el('thead', {}, el('tr', {}, ['项目', '本月', '本年累计'].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {},
      help.month.openedByKind.map((k, i) => helpRow('受理：' + k.label, k.opened, help.year.openedByKind[i].opened)),
      helpRow('受理合计', help.month.opened, help.year.opened),
      helpRow('办结：已解决', help.month.resolved, help.year.resolved),
      helpRow('办结：转劳动仲裁或诉讼', help.month.referred, help.year.referred),
      helpRow('办结：撤回', help.month.withdrawn, help.year.withdrawn),
      helpRow('期限内解决', help.month.resolvedWithinDeadline, help.year.resolvedWithinDeadline),
      helpRow('挽回金额（元）', help.month.amountRecoveredFen / 100, help.year.amountRecoveredFen / 100))) : null;

  render(main, el('section', { class: 'card', 'aria-labelledby': 'report-title' },
    el('div', { class: 'program-head' },
      el('h2', { id: 'report-title' }, '建会入会工作月报'),
      el('div', { class: 'row-buttons' }, field('年份', yearPicker), field('月份', monthPicker),
        downloadButton('下载 Excel 月报', path + '/xlsx' + query, 'monthly-report.xlsx'))),
    el('p', { class: 'muted' }, '统计范围：本组织及全部下级组织；按事件发生时间（北京时间）计入月份。' +
      (report.standingAsOf ? '会员和企业数为结账时的数字。' : '')),
    scroller(months),
    adjustments ? scroller(adjustments) : null,
    el('h3', { class: 'section-title' }, '下级组织（' + report.children.length + ' 个）'),
    scroller(children),
    el('h3', { class: 'section-title' }, '企业建会状态与会员'),
    scroller(companies),
    helpCases ? el('h3', { class: 'section-title' }, '维权求助') : null,
    helpCases ? scroller(helpCases) : null));
}
