// 企业: the weekly watch list of key platform companies (least recently followed first, with the founding that
// includes them), then every company of the scope with its step in the pipeline 已摸排 -> 指导促建 -> 筹建中 -> 已建会,
// moved one step at a time; a follow-up is recorded inline.
import { api } from '../api.js';
import { el, render, toast, formatDateTime } from '../ui.js';
import { scopeOrganization } from './scope.js';
import { admitsMembers, organisationAndBelow, stepLabel, pager, field, alertText, submitting, scroller } from './work.js';

const STEPS = [['SURVEYED', '已摸排'], ['GUIDED', '指导促建'], ['PREPARING', '筹建中'], ['ESTABLISHED', '已建会']];
const PAGE_SIZE = 20;

export async function showCompanies(main, params = {}) {
  const status = params.status || '';
  const page = Number(params.page || 0);
  render(main, el('p', { class: 'muted' }, '正在读取企业……'));
  const [watch, companies] = await Promise.all([
    api.get('/api/organizations/companies/watch-list?size=50'),
    api.get('/api/organizations/companies?size=' + PAGE_SIZE + '&page=' + page + (status ? '&status=' + status : '')),
  ]);
  const redraw = () => showCompanies(main, params);
  let unions = null;
  const coveringUnions = () => (unions = unions || scopeOrganization(params).then(organisationAndBelow)
    .then(list => list.filter(admitsMembers)));
  const filter = el('div', { class: 'chips', role: 'group', 'aria-label': '按建会进度筛选' },
    [['', '全部'], ...STEPS].map(([code, label]) => el('button', { type: 'button', class: 'chip', 'aria-pressed': String(code === status),
      onclick: () => showCompanies(main, { ...params, status: code, page: 0 }) }, label)));
  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'watch-title' },
      el('h2', { id: 'watch-title' }, '每周重点跟进（' + watch.totalItems + ' 家重点平台企业）'),
      el('p', { class: 'muted' }, '最久没有跟进的排在前面；本周指周一到周日（北京时间）。'),
      (watch.items || []).length ? scroller(el('table', { class: 'desk-table', 'data-list': 'watch-list' },
        el('thead', {}, el('tr', {}, ['企业', '建会进度', '本周跟进', '上次跟进', '建会流程', '跟进'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, watch.items.map(entry => watchRow(entry, redraw))))) : el('p', { class: 'muted' }, '范围内没有重点平台企业')),
    el('section', { class: 'card', 'aria-labelledby': 'companies-title' },
      el('h2', { id: 'companies-title' }, '企业（' + companies.totalItems + ' 家）'),
      filter,
      (companies.items || []).length ? scroller(el('table', { class: 'desk-table', 'data-list': 'companies' },
        el('thead', {}, el('tr', {}, ['企业', '类型', '职工人数', '建会进度', '推进'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, companies.items.map(company => companyRow(company, coveringUnions, redraw))))) : el('p', { class: 'muted' }, '没有符合条件的企业'),
      pager(companies, next => showCompanies(main, { ...params, page: next }))));
}

function watchRow(entry, redraw) {
  const action = el('td', { class: 'actions' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const note = el('input', { name: 'note', maxlength: '500', autocomplete: 'off' });
  const save = el('button', { type: 'button', class: 'btn btn-small', onclick: () => {
    if (!note.value.trim()) return render(outcome, alertText('请填写跟进情况'));
    return submitting(save, outcome, async () => {
      await api.post('/api/organizations/companies/' + encodeURIComponent(entry.companyId) + '/follow-ups', { note: note.value.trim() });
      toast('已记录跟进');
      await redraw();
    });
  } }, '记录跟进');
  render(action, field('跟进情况', note), save, outcome);
  return el('tr', { 'data-company': entry.companyId },
    el('td', {}, el('strong', {}, entry.name), el('span', { class: 'hint' }, entry.platform || '')),
    el('td', {}, entry.statusLabel, el('span', { class: 'hint' }, '自 ' + formatDateTime(entry.statusSince))),
    el('td', {}, entry.followedUpThisWeek ? el('span', { class: 'tag ok' }, '✓ 已跟进') : el('span', { class: 'tag bad' }, '✗ 未跟进')),
    el('td', {}, entry.lastFollowUpAt ? entry.daysSinceFollowUp + ' 天前' : '从未跟进'),
    el('td', {}, entry.foundingId
      ? ['第 ' + entry.foundingStepsDone + ' / ' + entry.foundingSteps + ' 步', el('span', { class: 'hint' }, '下一步：' + stepLabel(entry.nextFoundingStep))]
      : '—'),
    action);
}

function companyRow(company, coveringUnions, redraw) {
  const at = STEPS.findIndex(([code]) => code === company.status);
  const next = STEPS[at + 1];
  const action = el('td', { class: 'actions' });
  if (next) {
    const outcome = el('div', { 'aria-live': 'polite' });
    const note = el('input', { name: 'note', maxlength: '500', autocomplete: 'off' });
    const covering = next[0] === 'ESTABLISHED' ? el('select', { name: 'coveringOrganizationId' }, el('option', { value: '' }, '正在读取……')) : null;
    if (covering) {
      coveringUnions().then(list => render(covering, el('option', { value: '' }, '请选择'),
        list.map(o => el('option', { value: o.id }, o.name))))
        .catch(() => render(covering, el('option', { value: '' }, '工会读取失败')));
    }
    const move = el('button', { type: 'button', class: 'btn btn-small', onclick: () => {
      if (covering && !covering.value) return render(outcome, alertText('请选择覆盖这家企业的工会'));
      return submitting(move, outcome, async () => {
        await api.post('/api/organizations/companies/' + encodeURIComponent(company.id) + '/status', {
          status: next[0], note: note.value.trim() || undefined, coveringOrganizationId: covering ? covering.value : undefined });
        toast('已推进到“' + next[1] + '”');
        await redraw();
      });
    } }, '推进到“' + next[1] + '”');
    render(action, covering ? field('覆盖的工会', covering) : null, field('说明', note), move, outcome);
  } else {
    render(action, el('span', { class: 'tag ok' }, '✓ 已建会'));
  }
  return el('tr', { 'data-company': company.id },
    el('td', {}, el('strong', {}, company.name), el('span', { class: 'hint' }, company.creditCode || '无统一社会信用代码')),
    el('td', {}, company.typeLabel, company.keyPlatform ? el('span', { class: 'hint' }, '重点平台企业') : null),
    el('td', {}, String(company.totalHeadcount)),
    el('td', {}, el('ol', { class: 'pipeline', 'aria-label': '建会进度：' + company.statusLabel },
      STEPS.map(([code, label], i) => el('li', { class: i <= at ? 'done' : '', 'aria-current': i === at ? 'step' : null }, label)))),
    action);
}
