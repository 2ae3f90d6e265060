import { codeProblem, countDown, keepSession, notice, phoneProblem, publicApi, showFieldProblem } from './worker.js';

const phone = document.getElementById('phone');
const code = document.getElementById('code');
const sendButton = document.getElementById('send-code');
const requested = new URLSearchParams(location.search).get('next');
// Back to a worker page of this site only, never elsewhere.
const next = requested && /^\/m\/[a-z-]+\.html$/.test(requested) ? requested : '/m/card.html';
const digits = () => phone.value.replace(/\s/g, '');

phone.addEventListener('input', () => {
  showFieldProblem(phone, digits().length >= 11 || /\D/.test(digits()) ? phoneProblem(phone.value) : '');
});

sendButton.addEventListener('click', async () => {
  notice('');
  const problem = phoneProblem(phone.value);
  showFieldProblem(phone, problem);
  if (problem) {
    phone.focus();
    return;
  }
  try {
    const answer = await publicApi.post('/api/members/sign-in/phone/codes', { phone: digits() });
    document.getElementById('sent').textContent = '如该手机号已登记为会员，验证码已发送，5分钟内有效';
    countDown(sendButton, answer.nextCodeAfterSeconds, '获取验证码');
    code.focus();
  } catch (error) {
    notice(error.message);
  }
});

document.getElementById('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  const problems = [[phone, phoneProblem(phone.value)], [code, codeProblem(code.value)]];
  problems.forEach(([input, problem]) => showFieldProblem(input, problem));
  if (problems.some(([, problem]) => problem)) return;
  try {
    await keepSession(await publicApi.post('/api/members/sign-in/phone/token', { phone: digits(), code: code.value.trim() }));
    location.assign(next);
  } catch (error) {
    notice(error.status === 401 ? '手机号或验证码不正确，或验证码已过期' : error.message);
  }
});
