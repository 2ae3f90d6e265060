// 入会审批: the applications of the organizer's scope. First what waits on a federation (the re-assignment queue:
// applications no union matched, and those a union left unhandled too long), then the overdue ones, then the rest of
// the queue, oldest first. Approve, reject with a reason, or hand one from the re-assignment queue to a union below.
import { api } from '../api.js';
import { el, render, toast, formatDateTime, workerTypeLabel } from '../ui.js';
import { admitsMembers, lastOfPath, pager, field, alertText, submitting, scroller } from './work.js';

const PAGE_SIZE = 20;

export async function showApplications(main, params = {}) {
  const page = Number(params.page || 0);
  render(main, el('p', { class: 'muted' }, '正在读取入会申请……'));
  const [reassignments, overdue, pending] = await Promise.all([
    api.get('/api/members/applications/reassignments?size=50'),
    api.get('/api/members/applications?status=PENDING_APPROVAL&escalated=true&size=50'),
    api.get('/api/members/applications?status=PENDING_APPROVAL&escalated=false&size=' + PAGE_SIZE + '&page=' + page),
  ]);
  const redraw = () => showApplications(main, params);
  const queued = new Set((reassignments.items || []).map(a => a.id));
  const stillOverdue = (overdue.items || []).filter(a => !queued.has(a.id));
  render(main,
    section('reassign', '待重新分派（' + reassignments.totalItems + ' 件）',
      '没有匹配到接收工会的申请，以及基层工会超期未处理、上报到总工会的申请，请分派给下级工会。',
      reassignments.items, a => reassignRow(a, redraw), '没有待重新分派的申请'),
    section('overdue', '超期未处理（' + stillOverdue.length + ' 件）', '已超过办理时限，请尽快审批。',
      stillOverdue, a => decideRow(a, redraw), '没有超期的申请'),
    section('pending', '待审批（' + pending.totalItems + ' 件）', null,
      pending.items, a => decideRow(a, redraw), '没有待审批的申请',
      pager(pending, next => showApplications(main, { ...params, page: next }))));
}

function section(name, title, hint, items, row, empty, footer) {
  const id = 'applications-' + name;
  return el('section', { class: 'card', 'aria-labelledby': id, 'data-queue': name },
    el('h2', { id }, title),
    hint ? el('p', { class: 'muted' }, hint) : null,
    items && items.length ? scroller(el('table', { class: 'desk-table applications' },
      el('thead', {}, el('tr', {}, ['申请人', '职业与平台', '分派情况', '提交时间', '办理'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, items.map(row)))) : el('p', { class: 'muted' }, empty),
    footer || null);
}

function applicant(a) {
  return el('td', {}, el('strong', {}, a.name), el('span', { class: 'hint' }, a.residentId + ' · ' + a.phone),
    a.residentIdNote ? el('span', { class: 'hint' }, a.residentIdNote) : null);
}

function cells(a) {
  const overdue = a.escalatedAt ? el('span', { class: 'tag bad' }, '超期') : null;
  const unmatched = a.status === 'AWAITING_REASSIGNMENT' ? el('span', { class: 'tag warn' }, '未匹配') : null;
  return [applicant(a),
    el('td', {}, workerTypeLabel(a.workerType), el('span', { class: 'hint' }, a.platform || '—')),
    el('td', {}, unmatched, overdue, ' ', a.organizationName || '', el('span', { class: 'hint' }, a.dispatchReason || '')),
    el('td', {}, formatDateTime(a.submittedAt))];
}

/** Approve, or reject with a reason typed inline (no pop-up). */
function decideRow(a, redraw) {
  const action = el('td', { class: 'actions' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const approve = el('button', { type: 'button', class: 'btn btn-small', onclick: () => submitting(approve, outcome, async () => {
    const answer = await api.post('/api/members/applications/' + encodeURIComponent(a.id) + '/approval');
    toast('已批准，会员卡号 ' + answer.cardNumber);
    await redraw();
  }) }, '批准');
  const reject = el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: () => {
    const reason = el('input', { name: 'reason', maxlength: '500', autocomplete: 'off' });
    const confirm = el('button', { type: 'button', class: 'btn btn-small', onclick: () => {
      if (!reason.value.trim()) return render(outcome, alertText('请填写不予批准的理由'));
      return submitting(confirm, outcome, async () => {
        await api.post('/api/members/applications/' + encodeURIComponent(a.id) + '/rejection', { reason: reason.value.trim() });
        toast('已驳回');
        await redraw();
      });
    } }, '确认驳回');
    render(action, field('驳回理由', reason), confirm, outcome);
    reason.focus();
  } }, '驳回');
  render(action, el('div', { class: 'row-buttons' }, approve, reject), outcome);
  return el('tr', { 'data-application': a.id }, cells(a), action);
}

const unionsBelow = new Map();
/** The unions strictly below a federation that admit members (read once per federation). */
function unionsOf(federationId) {
  if (!unionsBelow.has(federationId)) {
    unionsBelow.set(federationId, api.get('/api/organizations/' + encodeURIComponent(federationId) + '/descendants?size=200')
      .then(page => (page.items || []).filter(admitsMembers))
      .catch(e => { unionsBelow.delete(federationId); throw e; }));
  }
  return unionsBelow.get(federationId);
}

/** Hand an application of the re-assignment queue to a union below the federation, with a reason. */
function reassignRow(a, redraw) {
  const federation = lastOfPath(a.status === 'AWAITING_REASSIGNMENT' ? a.orgPath : a.escalatedToOrgPath);
  const union = el('select', { name: 'organizationId' }, el('option', { value: '' }, '正在读取下级工会……'));
  const reason = el('input', { name: 'reason', maxlength: '500', autocomplete: 'off' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const send = el('button', { type: 'button', class: 'btn btn-small', onclick: () => {
    if (!union.value) return render(outcome, alertText('请选择接收的工会'));
    if (!reason.value.trim()) return render(outcome, alertText('请填写分派理由'));
    return submitting(send, outcome, async () => {
      await api.post('/api/members/applications/' + encodeURIComponent(a.id) + '/reassignment',
        { organizationId: union.value, reason: reason.value.trim() });
      toast('已分派');
      await redraw();
    });
  } }, '分派');
  unionsOf(federation).then(unions => render(union, el('option', { value: '' }, '请选择'),
    unions.filter(u => u.id !== a.organizationId).map(u => el('option', { value: u.id }, u.name + '（' + u.kindLabel + '）'))))
    .catch(() => render(union, el('option', { value: '' }, '下级工会读取失败')));
  return el('tr', { 'data-application': a.id }, cells(a),
    el('td', { class: 'actions' }, field('分派给', union), field('分派理由', reason), send, outcome));
}
