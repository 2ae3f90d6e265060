import { api } from '../api.js';
import { el } from '../ui.js';
import { forgetSession, notice, requireSession } from './worker.js';

const list = document.getElementById('timeline');
const more = document.getElementById('more');
const OUTCOMES = { APPROVED: '已通过', REJECTED: '未通过', REVOKED: '已撤销', GRANTED: '已发放', ATTENDED: '已参加活动' };
const WHEN = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long',
  day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
let page = 0;
let memberId = null;

function entry(item) {
  return el('li', {},
    el('h3', {}, item.title || item.kind),
    el('p', { class: 'muted' }, WHEN.format(new Date(item.at))),
    item.placeName ? el('p', {}, `地点：${item.placeName}`) : null,
    item.amountFen ? el('p', {}, `金额：${(item.amountFen / 100).toFixed(2)} 元`) : null,
    item.items ? el('p', {}, `物品：${item.items}`) : null,
    item.outcome ? el('p', {}, `结果：${OUTCOMES[item.outcome] || item.outcome}`) : null);
}

async function load() {
  let answer;
  try {
    answer = await api.get(`/api/members/${encodeURIComponent(memberId)}/timeline?page=${page}&size=20`);
  } catch (error) {
    notice(error.message);
    return;
  }
  if (page === 0 && answer.items.length === 0) {
    list.append(el('li', {}, '还没有记录。到驿站打卡或领取慰问后，会显示在这里。'));
  }
  answer.items.forEach(item => list.append(entry(item)));
  page += 1;
  more.hidden = page >= answer.totalPages;
}

async function start() {
  const saved = await requireSession();
  if (!saved) return;
  memberId = saved.memberId;
  api.get('/api/members/me').then(me => {
    document.getElementById('who').textContent = `${me.organizationName} 会员`;
  }).catch(() => {});
  await load();
}

document.getElementById('sign-out').addEventListener('click', async event => {
  event.preventDefault();
  await forgetSession();
  location.assign('/m/index.html');
});
more.addEventListener('click', load);
start();
