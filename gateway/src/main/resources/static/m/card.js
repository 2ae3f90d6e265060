import { toSvg } from '/m/qr.js';
import { call, problemText, requireSession, session, tabBar } from '/m/worker.js';

// A shown QR code is replaced every minute: a photo of it is soon worth nothing.
const QR_LIFETIME_SECONDS = 60;

tabBar('card');
const current = requireSession();
const message = document.getElementById('message');
let member = null;
let revealed = false;
let timer = null;

function maskName(name) {
  return name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1);
}

function maskCard(number) {
  return `${number.slice(0, 4)} **** **** ${number.slice(12)}`;
}

function showCard() {
  document.getElementById('union').textContent = member.organizationName;
  document.getElementById('name').textContent = revealed ? member.name : maskName(member.name);
  document.getElementById('number').textContent = revealed
    ? member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ') : maskCard(member.cardNumber);
  const reveal = document.getElementById('reveal');
  reveal.textContent = revealed ? '隐藏信息' : '显示完整信息';
  reveal.setAttribute('aria-pressed', String(revealed));
}

function signedOut() {
  session.clear();
  location.replace('/m/sign-in.html?next=%2Fm%2Fcard.html');
}

async function refreshQr() {
  clearTimeout(timer);
  const answer = await call('POST', '/api/members/me/qr-token', undefined, current.accessToken);
  if (answer.status === 401) return signedOut();
  if (answer.status !== 200) {
    document.getElementById('qr-note').textContent = problemText(answer, '');
    return undefined;
  }
  document.getElementById('qr').replaceChildren(toSvg(answer.body.qrToken, '会员二维码，请在驿站扫码核验'));
  let left = QR_LIFETIME_SECONDS;
  const note = document.getElementById('qr-note');
  const tick = () => {
    if (left <= 0) {
      refreshQr();
      return;
    }
    note.textContent = `二维码 ${left} 秒后自动刷新`;
    left -= 1;
    timer = setTimeout(tick, 1000);
  };
  tick();
  return undefined;
}

async function load() {
  const answer = await call('GET', '/api/members/me', undefined, current.accessToken);
  if (answer.status === 401) return signedOut();
  if (answer.status !== 200) {
    message.textContent = problemText(answer, '');
    return undefined;
  }
  member = answer.body;
  if (member.status !== 'ACTIVE') {
    message.textContent = '您的会员资格目前不可用，请联系所属工会';
  }
  document.getElementById('e-card').hidden = false;
  document.getElementById('qr-box').hidden = false;
  showCard();
  await refreshQr();
  return undefined;
}

if (current) {
  document.getElementById('reveal').addEventListener('click', () => {
    revealed = !revealed;
    showCard();
  });
  document.getElementById('refresh').addEventListener('click', () => refreshQr());
  load();
}
