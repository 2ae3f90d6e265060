import { el, render } from '../ui.js';
import { codeProblem, countDown, groupReceipt, notice, publicApi, showFieldProblem } from './worker.js';

const receipt = document.getElementById('receipt');
const code = document.getElementById('code');
const sendButton = document.getElementById('send-code');
const given = new URLSearchParams(location.search).get('receipt') || sessionStorage.getItem('union.receipt');
if (given) receipt.value = groupReceipt(given);

const STATUS = {
  RECEIVED: '已受理，正在分派到所属工会',
  PENDING_APPROVAL: '工会审核中',
  APPROVED: '审核通过，您已是工会会员',
  REJECTED: '未通过审核',
  CANNOT_CONFIRM: '无法在线确认',
};

function receiptProblem() {
  const value = receipt.value.replace(/[\s-]/g, '');
  if (!value) return '请填写回执号';
  return /^[2-9A-HJKMNP-Z]{12}$/i.test(value) ? '' : '回执号为12位字母和数字，请核对';
}

sendButton.addEventListener('click', async () => {
  notice('');
  const problem = receiptProblem();
  showFieldProblem(receipt, problem);
  if (problem) {
    receipt.focus();
    return;
  }
  try {
    const answer = await publicApi.post('/api/members/applications/status/codes', { receiptCode: receipt.value });
    document.getElementById('sent').textContent = '验证码已发送到申请时填写的手机，5分钟内有效';
    countDown(sendButton, answer.nextCodeAfterSeconds, '获取验证码');
    code.focus();
  } catch (error) {
    notice(error.message);
  }
});

document.getElementById('status-form').addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  const problems = [[receipt, receiptProblem()], [code, codeProblem(code.value)]];
  problems.forEach(([input, problem]) => showFieldProblem(input, problem));
  if (problems.some(([, problem]) => problem)) return;
  let view;
  try {
    view = await publicApi.post('/api/members/applications/status', { receiptCode: receipt.value, code: code.value.trim() });
  } catch (error) {
    notice(error.status === 401 ? '回执号或验证码不正确，或验证码已过期，请重新获取' : error.message);
    return;
  }
  document.getElementById('result-status').textContent = STATUS[view.status] || view.status;
  render(document.getElementById('result-details'),
    view.organizationName ? el('p', {}, `所属工会：${view.organizationName}`) : null,
    view.cardNumber ? el('p', {}, `会员卡号：${view.cardNumber}`) : null,
    view.cardNumber ? el('a', { class: 'btn btn-block', href: '/m/sign-in.html?next=%2Fm%2Fcard.html' },
      '用手机号登录，查看电子会员卡') : null,
    view.rejectionReason ? el('p', {}, `原因：${view.rejectionReason}`) : null,
    view.status === 'REJECTED' ? el('p', {}, '您可以修改信息后重新申请。') : null,
    view.status === 'CANNOT_CONFIRM'
      ? el('p', {}, '您填写的手机号与登记的不一致。请携带身份证联系当地工会，或到就近驿站咨询。') : null);
  document.getElementById('result').hidden = false;
  document.getElementById('result-title').focus();
});
