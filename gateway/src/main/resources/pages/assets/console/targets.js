// 目标: the year's target of an organisation against what its subtree achieved (new members by worker type, unions
// founded), each child's share, and two forms: set the organisation's own target (its parent's organizers do that)
// and split it to the children (their sum never above it; the remaining amount is shown as it is typed).
import { api } from '../api.js';
import { el, render, toast, WORKER_TYPES } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { beijingToday, field, submitting, scroller } from './work.js';

const percent = value => (value === null || value === undefined ? '—' : value + '%');

export async function showTargets(main, params = {}) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const year = Number(params.year || beijingToday().year);
  render(main, el('p', { class: 'muted' }, '正在读取年度目标……'));
  const progress = await api.get('/api/organizations/' + encodeURIComponent(id) + '/targets/' + year + '/progress');
  const own = progress.organization;
  const children = progress.children || [];
  const redraw = () => showTargets(main, params);
  const yearPicker = el('select', { name: 'year' }, [year - 1, year, year + 1].map(y =>
    el('option', { value: y, selected: y === year }, y + ' 年')));
  yearPicker.addEventListener('change', () => go('targets', { ...params, year: yearPicker.value }));
  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'targets-title' },
      el('div', { class: 'program-head' }, el('h2', { id: 'targets-title' }, own.organizationName + ' ' + year + ' 年度目标'),
        field('年度', yearPicker)),
      scroller(el('table', { class: 'desk-table', 'data-chart': 'target-progress' },
        el('caption', {}, '目标与完成（新入会按职业、全年新建工会）'),
        el('thead', {}, el('tr', {}, ['项目', '目标', '已完成', '完成率'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {},
          WORKER_TYPES.map(([code, label]) => el('tr', { 'data-key': code }, el('th', { scope: 'row' }, label + '新入会'),
            el('td', {}, String((own.targetNewMembers || {})[code] || 0)), el('td', {}, String((own.newMembers || {})[code] || 0)),
            el('td', {}, percent((own.completionPercent || {})[code])))),
          el('tr', { 'data-key': 'TOTAL' }, el('th', { scope: 'row' }, '新入会合计'), el('td', {}, String(own.targetTotal)),
            el('td', {}, String(own.newMembersTotal)), el('td', {}, percent(own.totalCompletionPercent))),
          el('tr', { 'data-key': 'UNIONS' }, el('th', { scope: 'row' }, '新建工会'), el('td', {}, String(own.targetUnionsFounded)),
            el('td', {}, String(own.unionsFounded)), el('td', {}, percent(own.unionsCompletionPercent)))))),
      ownTargetForm(id, year, own, redraw)),
    el('section', { class: 'card', 'aria-labelledby': 'split-title' },
      el('h2', { id: 'split-title' }, '分解到下级（' + children.length + ' 个）'),
      children.length ? splitForm(id, year, own, children, redraw) : el('p', { class: 'muted' }, '没有下级组织')));
}

function numberInput(name, value, label) {
  return el('input', { name, type: 'number', min: '0', step: '1', inputmode: 'numeric', value: String(value || 0), 'aria-label': label });
}

/** The organisation's own target; organizers of the parent (and administrators) may set it. */
function ownTargetForm(id, year, own, redraw) {
  const inputs = WORKER_TYPES.map(([code, label]) => [code, numberInput(code, (own.targetNewMembers || {})[code], label + '新入会目标')]);
  const unions = numberInput('unionsFounded', own.targetUnionsFounded, '新建工会目标');
  const outcome = el('div', { 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', class: 'btn btn-small' }, '保存本级目标');
  const form = el('form', { class: 'target-form', novalidate: true },
    el('details', {}, el('summary', {}, '修改本级目标（由上级工会下达）'),
      el('div', { class: 'form-grid' }, inputs.map(([code, input]) => field(input.getAttribute('aria-label'), input)),
        field('新建工会目标', unions)), save, outcome));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(save, outcome, async () => {
      await api.put('/api/organizations/' + encodeURIComponent(id) + '/targets/' + year, {
        newMembers: Object.fromEntries(inputs.map(([code, input]) => [code, Number(input.value || 0)])),
        unionsFounded: Number(unions.value || 0) });
      toast('已保存本级目标');
      await redraw();
    });
  });
  return form;
}

/** One row per child, one column per worker type and unions; what is left of the parent's target below. */
function splitForm(id, year, own, children, redraw) {
  const columns = [...WORKER_TYPES, ['UNIONS', '新建工会']];
  const parentValue = code => code === 'UNIONS' ? own.targetUnionsFounded : (own.targetNewMembers || {})[code] || 0;
  const rows = children.map(child => ({
    child,
    inputs: columns.map(([code, label]) => [code, numberInput(code, code === 'UNIONS' ? child.targetUnionsFounded
      : (child.targetNewMembers || {})[code], child.organizationName + ' ' + label)]),
  }));
  const leftCells = columns.map(([code]) => el('td', { 'data-left': code }));
  const refresh = () => columns.forEach(([code], i) => {
    const left = parentValue(code) - rows.reduce((sum, row) => sum + Number(row.inputs[i][1].value || 0), 0);
    leftCells[i].textContent = String(left);
    leftCells[i].classList.toggle('over', left < 0);
  });
  const outcome = el('div', { 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', class: 'btn btn-small' }, '保存分解');
  const form = el('form', { class: 'split-form', novalidate: true },
    scroller(el('table', { class: 'desk-table split', 'data-chart': 'target-split' },
      el('caption', {}, '下级目标与完成（输入框为目标，下面一行为已完成）'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '下级组织'), columns.map(([, label]) => el('th', { scope: 'col' }, label)),
        el('th', { scope: 'col' }, '完成率'))),
      el('tbody', {}, rows.map(({ child, inputs }) => el('tr', { 'data-key': child.organizationId },
        el('th', { scope: 'row' }, child.organizationName),
        inputs.map(([code, input]) => el('td', {}, input, el('span', { class: 'hint' }, '已完成 ' +
          (code === 'UNIONS' ? child.unionsFounded : (child.newMembers || {})[code] || 0)))),
        el('td', {}, percent(child.totalCompletionPercent))))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, '本级剩余'), leftCells, el('td', {}))))),
    save, outcome);
  form.addEventListener('input', refresh);
  refresh();
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(save, outcome, async () => {
      await api.post('/api/organizations/' + encodeURIComponent(id) + '/targets/' + year + '/split', {
        allocations: rows.map(({ child, inputs }) => ({
          organizationId: child.organizationId,
          newMembers: Object.fromEntries(inputs.filter(([code]) => code !== 'UNIONS').map(([code, input]) => [code, Number(input.value || 0)])),
          unionsFounded: Number(inputs.find(([code]) => code === 'UNIONS')[1].value || 0),
        })),
      });
      toast('已保存目标分解');
      await redraw();
    });
  });
  return form;
}
