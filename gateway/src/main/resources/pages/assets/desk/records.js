// 发放记录 (grants, newest first, revocable inside their program's window) and 理赔审核 (submitted claims: approve in
// full or in part with a reason, or reject with one; approved claims: record the payout's transfer reference).
// Each decision is one request; the answer redraws the screen. Both lists download as XLSX.
import { api } from '../api.js';
import { el, render, errorNotice, toast, formatDateTime, workerTypeLabel } from '../ui.js';
import { yuan, toFen, programGauges } from './labels.js';
import { downloadButton } from '../download.js';
import { membersById, memberLabel } from './members.js';

const DAY_MS = 86400000;
const PAGE_SIZE = 20;

/** Programs of the officer's scope by id (every status: old grants belong to closed programs too). */
async function programsById() {
  const page = await api.get('/api/benefits/programs?size=200');
  return new Map((page.items || []).map(p => [p.id, p]));
}

/** params: the shell's address parameters ({ page }), or a page number from the pager. */
export async function showGrants(container, params = {}) {
  const page = typeof params === 'number' ? params : Math.max(0, Number(params.page) || 0);
  render(container, el('p', { class: 'muted' }, '正在读取发放记录……'));
  let grants;
  let programs;
  try {
    [grants, programs] = await Promise.all([api.get('/api/benefits/grants?size=' + PAGE_SIZE + '&page=' + page), programsById()]);
  } catch (e) {
    return render(container, errorNotice(e));
  }
  const members = await membersById((grants.items || []).map(g => g.memberId));
  const rows = (grants.items || []).map(grant => grantRow(grant, programs.get(grant.programId), members, container, page));
  const outcome = el('div', { 'aria-live': 'polite' });
  render(container, el('section', { class: 'card', 'aria-labelledby': 'grants-title' },
    el('header', { class: 'screen-head' }, el('h2', { id: 'grants-title' }, '发放记录'),
      downloadButton('下载 Excel', '/api/benefits/grants.xlsx', '发放记录.xlsx', outcome)),
    outcome,
    rows.length ? el('table', { class: 'desk-table' },
      el('caption', { class: 'visually-hidden' }, '最近的发放，新的在前'),
      el('thead', {}, el('tr', {}, ['时间', '项目', '会员', '职业', '金额或物品', '状态', '操作'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)) : el('p', { class: 'muted' }, '还没有发放记录'),
    pager(grants, next => showGrants(container, next))));
}

function grantRow(grant, program, members, container, page) {
  const given = [grant.amountFen ? yuan(grant.amountFen) : null, grant.items ? grant.items + ' ' + (grant.itemName || '件') : null]
    .filter(Boolean).join('，');
  const windowDays = program ? program.revokeWindowDays : 7;
  const until = Date.parse(grant.grantedAt) + windowDays * DAY_MS;
  const action = el('td', {});
  if (grant.status === 'GRANTED' && Date.now() < until) {
    action.append(el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: () => askReason(action, '撤销原因',
      '确认撤销', reason => api.post('/api/benefits/grants/' + encodeURIComponent(grant.id) + '/revocation', { reason })
        .then(() => { toast('已撤销，预算和库存已退回'); return showGrants(container, page); })) },
      '撤销'), el('span', { class: 'hint' }, formatDateTime(until) + ' 前可撤销'));
  } else if (grant.status === 'GRANTED') {
    action.append(el('span', { class: 'muted' }, '已过撤销期限'));
  }
  return el('tr', { 'data-grant': grant.id },
    el('td', {}, formatDateTime(grant.grantedAt)),
    el('td', {}, grant.programName),
    el('td', { 'data-member': grant.memberId }, memberLabel(members, grant.memberId)),
    el('td', {}, workerTypeLabel(grant.workerType)),
    el('td', {}, given),
    el('td', {}, grant.status === 'REVOKED'
      ? el('span', { class: 'tag bad' }, '已撤销' + (grant.revokeReason ? '：' + grant.revokeReason : ''))
      : el('span', { class: 'tag ok' }, '已发放')),
    action);
}

export async function showClaims(container) {
  render(container, el('p', { class: 'muted' }, '正在读取理赔……'));
  let claims;
  let approved;
  let programs;
  let members;
  try {
    [claims, approved, programs] = await Promise.all([api.get('/api/benefits/claims?status=SUBMITTED&size=' + PAGE_SIZE),
      api.get('/api/benefits/claims?status=APPROVED&size=' + PAGE_SIZE), programsById()]);
    members = await membersById([...(claims.items || []), ...(approved.items || [])].map(c => c.memberId));
  } catch (e) {
    return render(container, errorNotice(e));
  }
  const items = claims.items || [];
  const toPay = approved.items || [];
  const outcome = el('div', { 'aria-live': 'polite' });
  render(container, el('section', { 'aria-labelledby': 'claims-title' },
    el('header', { class: 'screen-head' },
      el('h2', { id: 'claims-title', class: 'section-title' }, '待审核的理赔（' + claims.totalItems + ' 笔）'),
      downloadButton('下载 Excel（全部理赔）', '/api/benefits/claims.xlsx', '理赔.xlsx', outcome)),
    outcome,
    items.length ? items.map(claim => claimCard(claim, programs.get(claim.programId), members, container))
      : el('p', { class: 'card muted' }, '没有待审核的理赔')),
  el('section', { 'aria-labelledby': 'payouts-title' },
    el('h2', { id: 'payouts-title', class: 'section-title' }, '已批准、待支付（' + approved.totalItems + ' 笔）'),
    toPay.length ? toPay.map(claim => payoutCard(claim, members, container))
      : el('p', { class: 'card muted' }, '没有待支付的理赔')));
}

/** An approved claim: the officer records the bank transfer's reference once the money went out. */
function payoutCard(claim, members, container) {
  const reference = el('input', { id: 'reference-' + claim.id, name: 'reference', autocomplete: 'off', maxlength: '100' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const pay = el('button', { type: 'button', class: 'btn', onclick: async () => {
    if (!reference.value.trim()) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写转账凭证号'));
    pay.disabled = true;
    try {
      await api.post('/api/benefits/claims/' + encodeURIComponent(claim.id) + '/payout', { reference: reference.value.trim() });
      toast('已登记支付');
      await showClaims(container);
    } catch (e) {
      pay.disabled = false;
      render(outcome, errorNotice(e));
    }
  } }, '登记支付');
  return el('article', { class: 'card claim', 'data-payout': claim.id, 'aria-label': claim.programName + ' 待支付' },
    el('h3', {}, claim.programName),
    el('dl', { class: 'facts' },
      el('dt', {}, '会员'), el('dd', {}, memberLabel(members, claim.memberId)),
      el('dt', {}, '申请金额'), el('dd', {}, yuan(claim.claimedFen)),
      el('dt', {}, '批准金额'), el('dd', { 'data-approved': claim.approvedFen }, yuan(claim.approvedFen)),
      el('dt', {}, '理由'), el('dd', {}, claim.reason || '—'),
      el('dt', {}, '批准时间'), el('dd', {}, formatDateTime(claim.decidedAt))),
    el('div', { class: 'claim-form' },
      el('label', { class: 'field', for: reference.id }, el('span', {}, '转账凭证号'), reference),
      el('div', { class: 'row-buttons' }, pay)),
    outcome);
}

function claimCard(claim, program, members, container) {
  const ceiling = program && program.perClaimCeilingFen;
  const left = program ? program.availableFen : null;
  const most = Math.min(claim.claimedFen, ceiling || Infinity, left == null ? Infinity : left);
  const amount = el('input', { id: 'approve-' + claim.id, name: 'amount', inputmode: 'decimal', autocomplete: 'off', maxlength: '12',
    value: (most / 100).toFixed(2) });
  const reason = el('input', { id: 'reason-' + claim.id, name: 'reason', autocomplete: 'off', maxlength: '500' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const decide = async (path, body) => {
    try {
      await api.post('/api/benefits/claims/' + encodeURIComponent(claim.id) + path, body);
      toast('已处理');
      await showClaims(container);
    } catch (e) {
      render(outcome, errorNotice(e));
    }
  };
  const approve = el('button', { type: 'button', class: 'btn', onclick: () => {
    const fen = toFen(amount.value);
    if (fen === null || fen <= 0) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写批准金额（元）'));
    if (fen < claim.claimedFen && !reason.value.trim()) {
      return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '部分批准请填写理由'));
    }
    return decide('/approval', { amountFen: fen, reason: reason.value.trim() || undefined });
  } }, '批准');
  const reject = el('button', { type: 'button', class: 'btn btn-plain', onclick: () => {
    if (!reason.value.trim()) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '驳回请填写理由'));
    return decide('/rejection', { reason: reason.value.trim() });
  } }, '驳回');
  return el('article', { class: 'card claim', 'data-claim': claim.id, 'aria-label': claim.programName + ' 理赔' },
    el('h3', {}, claim.programName),
    el('dl', { class: 'facts' },
      el('dt', {}, '会员'), el('dd', {}, memberLabel(members, claim.memberId)),
      el('dt', {}, '申请金额'), el('dd', {}, yuan(claim.claimedFen)),
      el('dt', {}, '单次上限'), el('dd', {}, ceiling ? yuan(ceiling) : '—'),
      el('dt', {}, '说明'), el('dd', {}, claim.description || '—'),
      el('dt', {}, '提交时间'), el('dd', {}, formatDateTime(claim.submittedAt))),
    program ? programGauges(program) : null,
    el('div', { class: 'claim-form' },
      el('label', { class: 'field', for: amount.id }, el('span', {}, '批准金额（元）'), amount),
      el('label', { class: 'field', for: reason.id }, el('span', {}, '理由（部分批准或驳回时必填）'), reason),
      el('div', { class: 'row-buttons' }, approve, reject)),
    outcome);
}

/** An inline reason field under a button (no pop-up); send(reason) does the request. */
function askReason(cell, label, confirmLabel, send) {
  const id = 'reason-' + Math.random().toString(36).slice(2);
  const input = el('input', { id, maxlength: '500', autocomplete: 'off' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const confirm = el('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    if (!input.value.trim()) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写' + label));
    confirm.disabled = true;
    try {
      await send(input.value.trim());
    } catch (e) {
      confirm.disabled = false;
      render(outcome, errorNotice(e));
    }
  } }, confirmLabel);
  render(cell, el('label', { class: 'field', for: id }, el('span', {}, label), input), confirm, outcome);
  input.focus();
}

export function pager(page, go) {
  if (!page.totalPages || page.totalPages <= 1) return null;
  return el('nav', { class: 'row-buttons', 'aria-label': '翻页' },
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page <= 0, onclick: () => go(page.page - 1) }, '上一页'),
    el('span', {}, '第 ' + (page.page + 1) + ' / ' + page.totalPages + ' 页'),
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page + 1 >= page.totalPages, onclick: () => go(page.page + 1) }, '下一页'));
}
