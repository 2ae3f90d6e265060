import { call, problemText, requireSession, session, tabBar, text } from '/m/worker.js';

tabBar('me');
const current = requireSession();
const list = document.getElementById('timeline');
const message = document.getElementById('message');
const more = document.getElementById('more');
const KINDS = {
  CHECKIN: '驿站打卡', VISIT: '驿站打卡', BENEFIT: '领取', BENEFIT_GRANTED: '领取', BENEFIT_REVOKED: '撤销',
  CLAIM: '申请', CLAIM_DECIDED: '申请结果',
};
const WHEN = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long',
  day: 'numeric', hour: '2-digit', minute: '2-digit' });
const OUTCOMES = { APPROVED: '已通过', REJECTED: '未通过', REVOKED: '已撤销', GRANTED: '已发放' };
let page = 0;

function yuan(fen) {
  return `${(fen / 100).toFixed(2)} 元`;
}

function item(entry) {
  const li = document.createElement('li');
  li.append(text('h3', entry.title || KINDS[entry.kind] || entry.kind));
  li.append(text('p', WHEN.format(new Date(entry.at)), 'muted'));
  if (entry.placeName) li.append(text('p', `地点：${entry.placeName}`));
  if (entry.amountFen) li.append(text('p', `金额：${yuan(entry.amountFen)}`));
  if (entry.items) li.append(text('p', `物品：${entry.items}`));
  if (entry.outcome) li.append(text('p', `结果：${OUTCOMES[entry.outcome] || entry.outcome}`));
  return li;
}

async function load() {
  const answer = await call('GET', `/api/members/${encodeURIComponent(current.memberId)}/timeline?page=${page}&size=20`,
    undefined, current.accessToken);
  if (answer.status === 401) {
    session.clear();
    location.replace('/m/sign-in.html?next=%2Fm%2Ftimeline.html');
    return;
  }
  if (answer.status !== 200) {
    message.textContent = problemText(answer, '');
    return;
  }
  const items = answer.body.items || [];
  if (page === 0 && items.length === 0) list.append(text('li', '还没有记录。到驿站打卡或领取慰问后会显示在这里。'));
  items.forEach((entry) => list.append(item(entry)));
  page += 1;
  more.hidden = page >= (answer.body.totalPages || 0);
}

if (current) {
  call('GET', '/api/members/me', undefined, current.accessToken).then((answer) => {
    if (answer.status === 200) {
      document.getElementById('who').textContent = `${answer.body.organizationName} 会员`;
    }
  });
  document.getElementById('sign-out').addEventListener('click', (event) => {
    event.preventDefault();
    session.clear();
    location.assign('/m/index.html');
  });
  more.addEventListener('click', load);
  load();
}
