// 入会礼包: the welcome-pack waiting list of the officer's scope, oldest first (page 0 of 等待中 is who is served
// next when stock arrives), or the members already served; with the XLSX download of the list shown.
import { api } from '../api.js';
import { el, render, errorNotice, formatDateTime, workerTypeLabel } from '../ui.js';
import { downloadButton } from '../download.js';
import { membersById, memberLabel } from './members.js';
import { pager } from './records.js';
import { go } from '../staff.js';

const PAGE_SIZE = 20;
const STATUSES = [['WAITING', '等待中'], ['SERVED', '已发放']];

export async function showWelcome(container, params = {}) {
  const status = params.status === 'SERVED' ? 'SERVED' : 'WAITING';
  const page = Math.max(0, Number(params.page) || 0);
  render(container, el('p', { class: 'muted' }, '正在读取入会礼包名单……'));
  let queue;
  let programs;
  let members;
  try {
    [queue, programs] = await Promise.all([
      api.get('/api/benefits/welcome-queue?status=' + status + '&size=' + PAGE_SIZE + '&page=' + page),
      api.get('/api/benefits/programs?kind=WELCOME_PACK&size=200')]);
    members = await membersById((queue.items || []).map(entry => entry.memberId));
  } catch (e) {
    return render(container, errorNotice(e));
  }
  const programNames = new Map((programs.items || []).map(p => [p.id, p]));
  const outcome = el('div', { 'aria-live': 'polite' });
  const items = queue.items || [];
  render(container, el('section', { class: 'card', 'aria-labelledby': 'welcome-title' },
    el('header', { class: 'screen-head' },
      el('h2', { id: 'welcome-title' }, '入会礼包' + (status === 'WAITING' ? '等待名单' : '已发放名单') + '（' + queue.totalItems + ' 人）'),
      downloadButton('下载 Excel', '/api/benefits/welcome-queue.xlsx?status=' + status,
        status === 'WAITING' ? '入会礼包等待名单.xlsx' : '入会礼包已发放名单.xlsx', outcome)),
    el('div', { class: 'row-buttons', role: 'group', 'aria-label': '名单' }, STATUSES.map(([code, label]) =>
      el('button', { type: 'button', class: 'chip', 'aria-pressed': String(code === status), onclick: () => go('welcome', { status: code }) }, label))),
    outcome,
    status === 'WAITING' ? el('p', { class: 'muted' }, '按入会审批时间排队；项目补充库存后，系统按这个顺序自动发放。') : null,
    items.length ? el('table', { class: 'desk-table', 'data-list': 'welcome-queue' },
      el('caption', { class: 'visually-hidden' }, status === 'WAITING' ? '等待入会礼包的会员，先到先得' : '已领取入会礼包的会员'),
      el('thead', {}, el('tr', {}, ['序号', '会员', '职业', '项目', '排队时间', status === 'WAITING' ? '项目库存' : '发放时间']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, items.map((entry, i) => {
        const program = programNames.get(entry.programId);
        return el('tr', { 'data-member': entry.memberId },
          el('td', {}, String(page * PAGE_SIZE + i + 1)),
          el('td', {}, memberLabel(members, entry.memberId)),
          el('td', {}, workerTypeLabel(entry.workerType)),
          el('td', {}, program ? program.name : entry.programId),
          el('td', {}, formatDateTime(entry.queuedAt)),
          el('td', {}, status === 'WAITING'
            ? (program && program.stockTotal != null ? '剩余 ' + program.stockAvailable + ' ' + (program.itemName || '件') : '—')
            : formatDateTime(entry.servedAt)));
      }))) : el('p', { class: 'muted' }, status === 'WAITING' ? '没有等待入会礼包的会员' : '还没有发放过入会礼包'),
    pager(queue, next => go('welcome', { status, page: next }))));
}
