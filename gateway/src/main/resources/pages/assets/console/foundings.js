// 建会: the foundings of the scope and a wizard through one founding's ten steps in their legal order (Trade Union
// Law art. 11): the steps done with their dates, the current one with its form, the later ones waiting. The
// approval (上级工会批准) is the union one level up's: its form goes to the approval endpoint. A new founding starts
// from a form under an organisation of the scope.
import { api } from '../api.js';
import { el, render, toast, formatDateTime, WORKER_TYPES } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { FOUNDING_STEPS, organisationAndBelow, beijingToday, field, alertText, submitting, scroller } from './work.js';

const STATUS = { IN_PROGRESS: '进行中', APPROVED: '已批准成立', COMPLETED: '已完成' };
const KINDS = [['JOINT_UNION', '联合工会'], ['ENTERPRISE_UNION', '企业工会'], ['PLATFORM_UNION', '依托平台组建的工会'],
  ['REGIONAL_UNION', '区域工会'], ['INDUSTRY_FEDERATION', '行业工会联合会']];

export async function showFoundings(main, params = {}) {
  if (params.founding) return showWizard(main, params);
  render(main, el('p', { class: 'muted' }, '正在读取建会工作……'));
  const list = await api.get('/api/organizations/foundings?size=100');
  const items = list.items || [];
  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'foundings-title' },
      el('h2', { id: 'foundings-title' }, '建会工作（' + list.totalItems + ' 个）'),
      items.length ? scroller(el('table', { class: 'desk-table', 'data-list': 'foundings' },
        el('thead', {}, el('tr', {}, ['拟建工会', '状态', '进度', '当前步骤', '办理'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, items.map(f => el('tr', { 'data-founding': f.id },
          el('td', {}, el('strong', {}, f.name), el('span', { class: 'hint' }, '开始于 ' + formatDateTime(f.startedAt))),
          el('td', {}, STATUS[f.status] || f.status),
          el('td', {}, (f.steps || []).length + ' / ' + FOUNDING_STEPS.length),
          el('td', {}, f.nextStepLabel || '全部完成'),
          el('td', {}, el('button', { type: 'button', class: 'btn btn-plain btn-small',
            onclick: () => go('foundings', { ...params, founding: f.id }) }, '办理：' + f.name))))))) : el('p', { class: 'muted' }, '范围内还没有建会工作')),
    await startForm(params));
}

/** The form that starts a founding under an organisation of the scope. */
async function startForm(params) {
  const organisations = await organisationAndBelow(await scopeOrganization(params));
  const parent = el('select', { name: 'parentId' }, organisations.map(o => el('option', { value: o.id }, o.name)));
  const name = el('input', { name: 'name', maxlength: '100', autocomplete: 'off' });
  const kind = el('select', { name: 'kind' }, KINDS.map(([code, label]) => el('option', { value: code }, label)));
  const division = el('input', { name: 'divisionCode', inputmode: 'numeric', maxlength: '9', autocomplete: 'off',
    value: organisations[0] ? organisations[0].divisionCode : '' });
  parent.addEventListener('change', () => {
    const chosen = organisations.find(o => o.id === parent.value);
    if (chosen) division.value = chosen.divisionCode;
  });
  const types = WORKER_TYPES.map(([code, label]) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'workerTypes', value: code }), ' ' + label));
  const platforms = el('input', { name: 'platforms', maxlength: '200', autocomplete: 'off' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const start = el('button', { type: 'submit', class: 'btn' }, '开始建会');
  const form = el('form', { class: 'card founding-start', 'aria-labelledby': 'founding-start-title', novalidate: true },
    el('h2', { id: 'founding-start-title' }, '开始新的建会工作'),
    el('div', { class: 'form-grid' },
      field('上级组织', parent), field('拟建工会名称', name), field('组织类型', kind),
      field('行政区划代码', division, '区县 6 位或街道 9 位代码'),
      field('依托的平台（多个用逗号分开）', platforms, '依托平台组建的工会必填')),
    el('fieldset', { class: 'checks' }, el('legend', {}, '覆盖的职业'), types),
    start, outcome);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!name.value.trim()) return render(outcome, alertText('请填写拟建工会名称'));
    return submitting(start, outcome, async () => {
      const founding = await api.post('/api/organizations/foundings', {
        parentId: parent.value, name: name.value.trim(), kind: kind.value, divisionCode: division.value.trim(),
        workerTypes: types.map(t => t.querySelector('input')).filter(i => i.checked).map(i => i.value),
        platforms: platforms.value.split(/[,，、]/).map(p => p.trim()).filter(Boolean),
      });
      toast('已开始建会工作');
      go('foundings', { ...params, founding: founding.id });
    });
  });
  return form;
}

/** One founding: every step in order, the current one with its form. */
async function showWizard(main, params) {
  render(main, el('p', { class: 'muted' }, '正在读取建会进度……'));
  const founding = await api.get('/api/organizations/foundings/' + encodeURIComponent(params.founding));
  const done = founding.steps || [];
  const current = done.length;
  const back = el('button', { type: 'button', class: 'btn btn-plain btn-small',
    onclick: () => go('foundings', { ...params, founding: undefined }) }, '返回建会工作列表');
  const steps = el('ol', { class: 'founding-steps', 'aria-label': '建会步骤（按法定顺序）' },
    FOUNDING_STEPS.map(([code, label], i) => {
      const record = done[i];
      const state = record ? 'done' : i === current ? 'current' : 'later';
      return el('li', { class: 'founding-step ' + state, 'data-step': code, 'aria-current': state === 'current' ? 'step' : null },
        el('span', { class: 'step-number', 'aria-hidden': 'true' }, record ? '✓' : String(i + 1)),
        el('div', {},
          el('strong', {}, label),
          record ? el('span', { class: 'hint' }, '已办理：' + record.date + (record.note ? '，' + record.note : '')) : null,
          state === 'current' ? stepForm(founding, code, label, () => showWizard(main, params)) : null,
          state === 'later' ? el('span', { class: 'hint' }, '待办理') : null));
    }));
  render(main, el('section', { class: 'card', 'aria-labelledby': 'wizard-title' },
    el('div', { class: 'program-head' }, el('h2', { id: 'wizard-title' }, founding.name), back),
    el('p', {}, el('span', { class: 'tag' }, STATUS[founding.status] || founding.status), ' ',
      founding.nextStepLabel ? '当前步骤：' + founding.nextStepLabel + '（第 ' + (current + 1) + ' / ' + FOUNDING_STEPS.length + ' 步）' : '全部步骤已完成'),
    steps));
}

function stepForm(founding, code, label, redraw) {
  const approval = code === 'UNION_APPROVAL';
  const date = el('input', { type: 'date', name: 'date', value: beijingToday().day, max: beijingToday().day });
  const note = el('input', { name: 'note', maxlength: '500', autocomplete: 'off' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', class: 'btn btn-small' }, approval ? '批准成立' : '记录“' + label + '”已完成');
  const form = el('form', { class: 'step-form', novalidate: true },
    approval ? el('p', { class: 'notice' }, '选举完成后，由上一级工会批准；批准之日起工会成立，暂存的会员随之入会。') : null,
    el('div', { class: 'form-grid' }, field(approval ? '批准日期' : '完成日期', date), field(approval ? '批准文号或说明' : '说明', note)),
    save, outcome);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!date.value) return render(outcome, alertText('请填写日期'));
    const path = '/api/organizations/foundings/' + encodeURIComponent(founding.id) + (approval ? '/approval' : '/steps');
    const body = approval ? { date: date.value, note: note.value.trim() || undefined }
      : { step: code, date: date.value, note: note.value.trim() || undefined };
    return submitting(save, outcome, async () => {
      await api.post(path, body);
      toast('已记录：' + label);
      await redraw();
    });
  });
  return form;
}
