import { api } from '../api.js';
import { toSvg } from './qr.js';
import { notice, requireSession } from './worker.js';

// A shown QR code is replaced every minute (and the previous one stops working): a photo of it is soon worthless.
const QR_LIFETIME_SECONDS = 60;

let member = null;
let revealed = false;
let timer = null;

const maskName = name => (name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1));
const maskCard = number => `${number.slice(0, 4)} **** **** ${number.slice(12)}`;

function showCard() {
  document.getElementById('union').textContent = member.organizationName;
  document.getElementById('name').textContent = revealed ? member.name : maskName(member.name);
  document.getElementById('number').textContent = revealed
    ? member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ') : maskCard(member.cardNumber);
  const reveal = document.getElementById('reveal');
  reveal.textContent = revealed ? '隐藏信息' : '显示完整信息';
  reveal.setAttribute('aria-pressed', String(revealed));
}

async function refreshQr() {
  clearTimeout(timer);
  const note = document.getElementById('qr-note');
  let token;
  try {
    token = (await api.post('/api/members/me/qr-token')).qrToken;
  } catch (error) {
    note.textContent = error.message;
    return;
  }
  document.getElementById('qr').replaceChildren(toSvg(token, '会员二维码，在驿站出示供扫码核验'));
  let left = QR_LIFETIME_SECONDS;
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
}

async function load() {
  if (!await requireSession()) return;
  try {
    member = await api.get('/api/members/me');
  } catch (error) {
    notice(error.message);
    return;
  }
  if (member.status !== 'ACTIVE') notice('您的会员资格目前不可用，请联系所属工会');
  document.getElementById('e-card').hidden = false;
  document.getElementById('qr-box').hidden = false;
  showCard();
  await refreshQr();
}

document.getElementById('reveal').addEventListener('click', () => {
  revealed = !revealed;
  showCard();
});
document.getElementById('refresh').addEventListener('click', () => refreshQr());
load();
