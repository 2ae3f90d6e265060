// 企业普查: import a company survey (CSV or XLSX) with a dry run first, the insurance coverage it gives by district
// or platform, and the key platform companies' liaisons with the weekly follow-up due (overdue ones first).
import { api } from '../api.js';
import { el, render, errorNotice, formatDateTime } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';

const OUTCOMES = { CREATED: '已新建', UPDATED: '已更新', WOULD_CREATE: '将新建', WOULD_UPDATE: '将更新', REJECTED: '未通过' };
const BY = { DISTRICT: '按区县', PLATFORM: '按平台' };

export async function showSurveys(main, params) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const by = params.by === 'PLATFORM' ? 'PLATFORM' : 'DISTRICT';
  const [organization, coverage, watch] = await Promise.all([
    api.get('/api/organizations/' + encodeURIComponent(id)),
    api.get('/api/organizations/' + encodeURIComponent(id) + '/insurance-coverage?by=' + by),
    api.get('/api/organizations/companies/watch-list?size=100'),
  ]);
  const result = el('div', { 'aria-live': 'polite' });
  render(main,
    importCard(organization, result, () => go('surveys', { ...params, org: id })),
    coverageCard(coverage, by, params, id),
    liaisonCard(watch.items || []));
}

function importCard(organization, result, reload) {
  const file = el('input', { type: 'file', id: 'survey-file', accept: '.csv,.xlsx', required: true });
  const dry = el('input', { type: 'checkbox', id: 'survey-dry-run', checked: true });
  const submit = el('button', { type: 'submit', class: 'btn' }, '上传');
  const form = el('form', { class: 'survey-form', onsubmit: async event => {
    event.preventDefault();
    if (!file.files.length) return render(result, el('p', { class: 'notice bad', role: 'alert' }, '请选择普查表文件'));
    const body = new FormData();
    body.append('file', file.files[0]);
    submit.disabled = true;
    render(result, el('p', { class: 'muted' }, '正在检查……'));
    try {
      const report = await api.post('/api/organizations/company-surveys?organizationId='
        + encodeURIComponent(organization.id) + '&dryRun=' + dry.checked, body);
      render(result, reportView(report, reload));
    } catch (error) {
      render(result, errorNotice(error));
    } finally {
      submit.disabled = false;
    }
  } },
  el('label', { class: 'field', for: 'survey-file' }, el('span', {}, '普查表（CSV 或 XLSX，最多 20,000 行）'), file),
  el('label', { class: 'check', for: 'survey-dry-run' }, dry, el('span', {}, '试运行：只检查，不写入')),
  el('div', { class: 'row-buttons' }, submit));
  return el('section', { class: 'card', 'aria-labelledby': 'survey-import-title' },
    el('h2', { id: 'survey-import-title' }, '导入企业普查表 · ' + organization.name),
    el('p', { class: 'muted' }, '列：统一社会信用代码、企业名称、企业类型、所属平台、网点地址、所在区县、各类从业人员人数（如“快递员人数”）、用工形式、参加社会保险人数、参加工伤保险人数。'),
    form, result);
}

function reportView(report, reload) {
  const shown = report.lines.slice(0, 200);
  return el('div', { class: 'survey-report' },
    el('p', { class: report.rejected ? 'notice warn' : 'notice ok', role: 'status' },
      (report.dryRun ? '试运行：' : '已导入：') + report.rows + ' 行，'
      + (report.dryRun ? '将新建 ' : '新建 ') + report.created + ' 家，' + (report.dryRun ? '将更新 ' : '更新 ')
      + report.updated + ' 家，未通过 ' + report.rejected + ' 行'),
    el('table', { class: 'desk-table', 'data-chart': 'survey-report' },
      el('caption', {}, report.lines.length > shown.length ? '逐行结果（前 200 行）' : '逐行结果'),
      el('thead', {}, el('tr', {}, ['行号', '信用代码', '企业名称', '结果', '原因'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, shown.map(line => el('tr', { 'data-key': String(line.line) },
        el('th', { scope: 'row' }, String(line.line)), el('td', {}, line.creditCode || ''), el('td', {}, line.name || ''),
        el('td', { 'data-outcome': line.outcome }, OUTCOMES[line.outcome] || line.outcome), el('td', {}, line.reason || ''))))),
    report.dryRun ? null : el('button', { type: 'button', class: 'btn btn-plain', onclick: reload }, '刷新覆盖率'));
}

function coverageCard(lines, by, params, id) {
  const other = by === 'DISTRICT' ? 'PLATFORM' : 'DISTRICT';
  // A meter draws the bar (no inline style: the pages' CSP allows none); the number beside it is what is read.
  const rate = value => el('span', { class: 'rate' },
    el('meter', { min: '0', max: '100', value: String(value), 'aria-hidden': 'true' }),
    el('span', { class: 'rate-value' }, value.toFixed(1) + '%'));
  return el('section', { class: 'card', 'aria-labelledby': 'coverage-title' },
    el('h2', { id: 'coverage-title' }, '社会保险与工伤保险覆盖（' + BY[by] + '）'),
    el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: () => go('surveys', { ...params, org: id, by: other }) },
      '改为' + BY[other]),
    lines.length ? el('table', { class: 'desk-table', 'data-chart': 'insurance-coverage' },
      el('caption', {}, '已普查企业的从业人员参保情况'),
      el('thead', {}, el('tr', {}, [by === 'DISTRICT' ? '区县' : '平台', '企业', '从业人员', '社保人数', '社保覆盖率',
        '工伤保险人数', '工伤保险覆盖率'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, lines.map(line => el('tr', { 'data-key': line.key },
        el('th', { scope: 'row' }, line.label), el('td', {}, String(line.companies)), el('td', {}, String(line.workers)),
        el('td', {}, String(line.socialInsured)), el('td', {}, rate(line.socialRate)),
        el('td', { 'data-figure': 'workInjuryInsured' }, String(line.workInjuryInsured)), el('td', {}, rate(line.workInjuryRate))))))
      : el('p', { class: 'muted' }, '还没有普查数据'));
}

function liaisonCard(entries) {
  const sorted = [...entries].sort((a, b) => (b.overdue - a.overdue) || String(a.followUpDue).localeCompare(String(b.followUpDue)));
  return el('section', { class: 'card', 'aria-labelledby': 'liaison-title' },
    el('h2', { id: 'liaison-title' }, '重点平台企业联络员'),
    sorted.length ? el('table', { class: 'desk-table', 'data-chart': 'liaisons' },
      el('caption', {}, '每周跟进建会进度，逾期的在前'),
      el('thead', {}, el('tr', {}, ['企业', '区县', '联络员', '下次跟进', '状态'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, sorted.map(entry => el('tr', { 'data-key': entry.companyId },
        el('th', { scope: 'row' }, entry.name), el('td', {}, entry.divisionCode || ''), el('td', {}, entry.liaison || '未指定'),
        el('td', {}, formatDateTime(entry.followUpDue)),
        el('td', { class: entry.overdue ? 'bad' : 'ok' }, entry.overdue ? '已逾期' : '按期')))))
      : el('p', { class: 'muted' }, '没有重点平台企业'));
}
