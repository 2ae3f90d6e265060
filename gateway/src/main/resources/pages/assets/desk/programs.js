// 项目预算: every program of the officer's scope with its budget and stock as gauges, and the same figures as a
// table (data-chart="program-budgets", a row per program: data-key = its id), as every chart on the staff pages.
import { api } from '../api.js';
import { el, render, errorNotice } from '../ui.js';
import { kindLabel, yuan, programGauges } from './labels.js';

const STATUS = { DRAFT: '草稿', OPEN: '进行中', CLOSED: '已结束' };

export async function showPrograms(container) {
  render(container, el('p', { class: 'muted' }, '正在读取项目……'));
  let programs;
  try {
    programs = (await api.get('/api/benefits/programs?size=200')).items || [];
  } catch (e) {
    return render(container, errorNotice(e));
  }
  const shown = programs.filter(p => p.status !== 'DRAFT');
  if (!shown.length) return render(container, el('p', { class: 'card muted' }, '您负责的范围内还没有项目'));
  const items = p => (p.stockTotal == null ? '—' : p.stockAvailable + ' / ' + p.stockTotal + ' ' + (p.itemName || '件'));
  render(container,
    el('h2', { class: 'section-title' }, '项目预算与库存'),
    el('div', { class: 'desk-programs' }, shown.map(p => el('article', { class: 'card program', 'data-program': p.id, 'aria-label': p.name },
      el('header', { class: 'program-head' }, el('h3', {}, p.name), el('span', { class: 'tag wait' }, kindLabel(p))),
      el('p', { class: 'muted' }, (STATUS[p.status] || p.status) + ' · ' + p.startsOn + ' 至 ' + p.endsOn),
      programGauges(p)))),
    el('section', { class: 'card', 'aria-labelledby': 'budget-table-title' },
      el('h2', { id: 'budget-table-title' }, '数字一览'),
      el('table', { class: 'desk-table', 'data-chart': 'program-budgets' },
        el('caption', { class: 'visually-hidden' }, '各项目的预算和库存'),
        el('thead', {}, el('tr', {}, ['项目', '状态', '预算', '已发', '办理中', '剩余预算', '剩余库存']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, shown.map(p => el('tr', { 'data-key': p.id },
          el('th', { scope: 'row' }, p.name),
          el('td', {}, STATUS[p.status] || p.status),
          el('td', {}, p.budgetFen == null ? '—' : yuan(p.budgetFen)),
          el('td', {}, p.budgetFen == null ? '—' : yuan(p.spentFen)),
          el('td', {}, p.budgetFen == null ? '—' : yuan(p.reservedFen)),
          el('td', { 'data-fen': p.budgetFen == null ? null : p.availableFen }, p.budgetFen == null ? '—' : yuan(p.availableFen)),
          el('td', {}, items(p))))))));
}
