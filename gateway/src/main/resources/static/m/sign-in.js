import { call, countDown, phoneProblem, problemText, session, showFieldProblem, tabBar } from '/m/worker.js';

tabBar('me');
const phone = document.getElementById('phone');
const code = document.getElementById('code');
const message = document.getElementById('message');
const sendButton = document.getElementById('send-code');
const requested = new URLSearchParams(location.search).get('next');
// Only a page of this site, never another origin.
const next = requested && /^\/m\/[a-z-]+\.html$/.test(requested) ? requested : '/m/card.html';

phone.addEventListener('input', () => {
  const value = phone.value.replace(/\s/g, '');
  showFieldProblem(phone, value.length >= 11 || /[^\d]/.test(value) ? phoneProblem(phone.value) : '');
});

sendButton.addEventListener('click', async () => {
  message.textContent = '';
  const problem = phoneProblem(phone.value);
  showFieldProblem(phone, problem);
  if (problem) {
    phone.focus();
    return;
  }
  const answer = await call('POST', '/api/members/sign-in/phone/codes', { phone: phone.value.replace(/\s/g, '') });
  if (answer.status !== 202) {
    message.textContent = problemText(answer, '手机号');
    return;
  }
  document.getElementById('sent').textContent = '如该手机号已登记为会员，验证码已发送，5分钟内有效';
  countDown(sendButton, answer.body.nextCodeAfterSeconds, '获取验证码');
  code.focus();
});

document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
  const problem = phoneProblem(phone.value);
  showFieldProblem(phone, problem);
  const codeProblem = /^\d{6}$/.test(code.value.trim()) ? '' : '请输入6位数字验证码';
  showFieldProblem(code, codeProblem);
  if (problem || codeProblem) return;
  const answer = await call('POST', '/api/members/sign-in/phone/token',
    { phone: phone.value.replace(/\s/g, ''), code: code.value.trim() });
  if (answer.status !== 200) {
    message.textContent = answer.status === 401 ? '手机号或验证码不正确，或验证码已过期' : problemText(answer, '手机号或验证码');
    return;
  }
  session.save(answer.body);
  location.assign(next);
});
