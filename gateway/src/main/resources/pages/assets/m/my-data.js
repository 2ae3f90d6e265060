// 我的个人信息: my hardship registration (困难职工建档) if any, who read my personal data and when, a download of everything held about me, and withdrawing.
import { api } from '../api.js';
import { el, render, errorNotice, formatDateTime, beijingDay } from '../ui.js';
import { requireSession } from './worker.js';

const ROLES = {
  ORGANIZER: '工会组织员',
  BENEFIT_OFFICER: '帮扶工作人员',
  ADMIN: '平台管理员',
  STATION_ATTENDANT: '驿站管理员',
  SERVICE: '系统服务',
  MEMBER: '您本人',
};

function reader(read) {
  if (read.kind === 'SELF_EXPORT') return '您本人下载了个人数据';
  const roles = (read.readerRoles || []).map(role => ROLES[role] || role).join('、') || '工会工作人员';
  return (read.organizationName ? read.organizationName + ' ' : '') + roles + ' 查看了您的完整身份证号和手机号';
}

async function showReads() {
  const box = document.getElementById('reads');
  try {
    const page = await api.get('/api/members/me/personal-data-reads?size=50');
    if (page.items.length === 0) {
      render(box, el('p', { class: 'cell' }, '还没有人查看过您的完整个人信息。'));
      return;
    }
    render(box, el('ul', { class: 'reads', 'aria-label': '查看记录' }, page.items.map(read =>
      el('li', { class: 'cell' },
        el('span', { class: 'title' }, reader(read), el('span', { class: 'label' }, formatDateTime(read.at)))))));
  } catch (error) {
    render(box, errorNotice(error));
  }
}

const HARDSHIP_REASONS = { ILLNESS: '因病', INJURY: '因伤', FAMILY: '家庭困难', OTHER: '其他' };

/** The member's own hardship status: registered until the review date, lapsed (and why), ended, or none. */
async function showHardship() {
  const box = document.getElementById('hardship');
  try {
    const file = await api.get('/api/members/me/hardship');
    const line = {
      NONE: '您没有登记为困难职工。生活遇到困难，可以联系所在工会申请建档。',
      REGISTERED: '您已登记为困难职工（' + (HARDSHIP_REASONS[file.reason] || '') + '），可以申请困难帮扶。工会将在 '
        + file.reviewOn + ' 前复核。',
      LAPSED: file.whyNot + '。如仍有困难，请联系所在工会重新建档。',
      ENDED: '您的困难职工建档已在复核后终止。',
    }[file.status] || file.status;
    render(box, el('p', { class: 'cell', 'data-hardship': file.status }, line));
  } catch (error) {
    render(box, errorNotice(error));
  }
}

async function download() {
  const result = document.getElementById('download-result');
  try {
    const data = await api.get('/api/members/me/export');
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: `我的会员数据-${beijingDay(data.exportedAt)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    render(result, el('div', { class: 'notice ok' }, '✓ 已下载。文件里有您的完整个人信息，请妥善保管。'));
    showReads();
  } catch (error) {
    render(result, errorNotice(error));
  }
}

function withdrawnView(change) {
  return el('div', { class: 'notice' }, '您已' + (change ? `于 ${formatDateTime(change.at)} ` : '') + '退会。',
    '会员卡已失效；如需重新入会，可以再次申请。');
}

function withdrawForm(memberId) {
  const box = document.getElementById('withdraw');
  const reason = el('textarea', { id: 'reason', rows: '3', maxlength: '500', 'aria-describedby': 'reason-error' });
  const error = el('span', { class: 'error', id: 'reason-error', 'aria-live': 'polite' });
  const start = el('button', { type: 'button', class: 'btn btn-plain btn-block', id: 'withdraw-start' }, '申请退会');
  const confirmBox = el('div', { id: 'withdraw-confirm', hidden: true });
  const result = el('div', { id: 'withdraw-result', role: 'status', 'aria-live': 'polite' });
  start.addEventListener('click', () => {
    if (!reason.value.trim()) {
      reason.setAttribute('aria-invalid', 'true');
      error.textContent = '请填写退会原因';
      reason.focus();
      return;
    }
    reason.removeAttribute('aria-invalid');
    error.textContent = '';
    confirmBox.hidden = false;
    start.hidden = true;
    document.getElementById('withdraw-yes').focus();
  });
  const yes = el('button', { type: 'button', class: 'btn btn-block', id: 'withdraw-yes' }, '确认退会');
  const no = el('button', { type: 'button', class: 'btn btn-quiet btn-block' }, '不退了');
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
    start.hidden = false;
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      const member = await api.post('/api/members/' + encodeURIComponent(memberId) + '/withdrawal',
        { reason: reason.value.trim() });
      render(box, withdrawnView((member.statusHistory || []).at(-1)));
    } catch (problem) {
      render(result, errorNotice(problem));
      yes.disabled = false;
    }
  });
  confirmBox.append(el('div', { class: 'notice warn' }, '确定要退会吗？退会后会员卡立即失效，不再享受会员服务。'), yes, no);
  render(box,
    el('p', { class: 'muted' }, '退会是您的权利。退会后，工会按规定保存您的档案，您仍可以在这里下载自己的数据。'),
    el('label', { class: 'field', for: 'reason' }, el('span', {}, '退会原因'), reason, error),
    start, confirmBox, result);
}

async function showWithdrawal(memberId) {
  const box = document.getElementById('withdraw');
  try {
    const me = await api.get('/api/members/me');
    if (me.status === 'WITHDRAWN') {
      render(box, withdrawnView((me.statusHistory || []).filter(change => change.status === 'WITHDRAWN').at(-1)));
    } else {
      withdrawForm(memberId);
    }
  } catch (error) {
    render(box, errorNotice(error));
  }
}

async function start() {
  const session = await requireSession();
  if (!session) return;
  document.getElementById('download').addEventListener('click', download);
  showHardship();
  showReads();
  showWithdrawal(session.memberId);
}

start();
