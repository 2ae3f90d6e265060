// 概览: the organisation in scope at a glance (one read of its subtree tally).
import { api } from '../api.js';
import { el, render, workerTypeLabel } from '../ui.js';
import { scopeOrganization } from './scope.js';

export async function showOverview(main, params) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const [organization, summary] = await Promise.all([
    api.get('/api/organizations/' + encodeURIComponent(id)),
    api.get('/api/organizations/' + encodeURIComponent(id) + '/summary'),
  ]);
  const byType = Object.entries(summary.membersByWorkerType || {});
  render(main, el('section', { class: 'card', 'aria-labelledby': 'overview-title' },
    el('h2', { id: 'overview-title' }, organization.name),
    el('p', { class: 'muted' }, organization.kindLabel),
    el('dl', { class: 'facts' },
      el('dt', {}, '会员'), el('dd', { 'data-figure': 'members' }, String(summary.members)),
      el('dt', {}, '下级组织'), el('dd', { 'data-figure': 'descendants' }, String(summary.descendants)),
      el('dt', {}, '新建工会'), el('dd', { 'data-figure': 'unionsFounded' }, String(summary.unionsFounded))),
    // Tests and the charts read the figures from this table: data-chart names it, data-key each row.
    byType.length ? el('table', { class: 'desk-table', 'data-chart': 'members-by-type' },
      el('caption', {}, '各类会员人数'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '类别'), el('th', { scope: 'col' }, '人数'))),
      el('tbody', {}, byType.map(([type, count]) =>
        el('tr', { 'data-key': type }, el('th', { scope: 'row' }, workerTypeLabel(type)), el('td', {}, String(count)))))) : null));
}
