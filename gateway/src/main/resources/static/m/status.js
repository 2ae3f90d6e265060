import { call, countDown, groupReceipt, problemText, showFieldProblem, tabBar, text } from '/m/worker.js';

tabBar('apply');
const receipt = document.getElementById('receipt');
const code = document.getElementById('code');
const message = document.getElementById('message');
const sendButton = document.getElementById('send-code');
const given = new URLSearchParams(location.search).get('receipt') || sessionStorage.getItem('union.receipt');
if (given) receipt.value = groupReceipt(given);

function receiptProblem() {
  const value = receipt.value.replace(/[\s-]/g, '');
  if (!value) return '请填写回执号';
  return /^[2-9A-HJKMNP-Z]{12}$/i.test(value) ? '' : '回执号为12位字母和数字，请核对';
}

sendButton.addEventListener('click', async () => {
  message.textContent = '';
  const problem = receiptProblem();
  showFieldProblem(receipt, problem);
  if (problem) {
    receipt.focus();
    return;
  }
  const answer = await call('POST', '/api/members/applications/status/codes', { receiptCode: receipt.value });
  if (answer.status !== 202) {
    message.textContent = problemText(answer, '回执号');
    return;
  }
  document.getElementById('sent').textContent = '验证码已发送到申请时填写的手机，5分钟内有效';
  countDown(sendButton, answer.body.nextCodeAfterSeconds, '获取验证码');
  code.focus();
});

const STATUS = {
  RECEIVED: '已受理，正在分派到所属工会',
  PENDING_APPROVAL: '工会审核中',
  APPROVED: '审核通过，您已成为工会会员',
  REJECTED: '未通过审核',
  CANNOT_CONFIRM: '无法在线确认',
};

document.getElementById('status-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
  const problem = receiptProblem();
  showFieldProblem(receipt, problem);
  const codeProblem = /^\d{6}$/.test(code.value.trim()) ? '' : '请输入6位数字验证码';
  showFieldProblem(code, codeProblem);
  if (problem || codeProblem) return;
  const answer = await call('POST', '/api/members/applications/status',
    { receiptCode: receipt.value, code: code.value.trim() });
  if (answer.status !== 200) {
    message.textContent = problemText(answer, '回执号或验证码');
    return;
  }
  const view = answer.body;
  document.getElementById('result-status').textContent = STATUS[view.status] || view.status;
  const details = document.getElementById('result-details');
  details.replaceChildren();
  if (view.organizationName) details.append(text('p', `所属工会：${view.organizationName}`));
  if (view.cardNumber) {
    details.append(text('p', `会员卡号：${view.cardNumber}`));
    const link = text('a', '用手机号登录，查看电子会员卡', 'button');
    link.href = '/m/sign-in.html?next=%2Fm%2Fcard.html';
    details.append(link);
  }
  if (view.rejectionReason) details.append(text('p', `原因：${view.rejectionReason}`));
  if (view.status === 'REJECTED') details.append(text('p', '您可以修改信息后重新申请。'));
  if (view.status === 'CANNOT_CONFIRM') {
    details.append(text('p', '您填写的手机号与登记信息不一致。请携带身份证联系当地工会或到就近驿站咨询。'));
  }
  const result = document.getElementById('result');
  result.hidden = false;
  document.getElementById('result-title').focus();
});
