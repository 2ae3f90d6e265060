// The page behind the printed station QR code: /check-in/{stationId} (the last path segment). Anyone sees the
// station; a signed-in member checks in with one tap, counted at most once an hour (the server decides).
import { api, registerMessages } from '../api.js';
import { el, render, errorNotice, formatTime } from '../ui.js';
import { restoreSession, publicApi } from '../m/worker.js';
import { AMENITIES, STATION_TYPES } from './labels.js';

registerMessages({
  MEMBER_NOT_ACTIVE: '您的会员资格目前不可用（已暂停或已退会），不能签到',
  STATION_NOT_ACTIVE: '这个站点目前暂停开放，不能签到',
});

const stationId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const box = document.getElementById('station');

function hoursToday(card) {
  if (card.aroundTheClockToday) return '今日全天开放';
  if (!card.todayHours || card.todayHours.length === 0) return '今日不开放';
  return '今日 ' + card.todayHours.map(range => `${range.opens}–${range.closes === '00:00' ? '24:00' : range.closes}`)
    .join('，');
}

function statusTag(card) {
  if (card.status === 'SUSPENDED') return el('span', { class: 'tag warn' }, '暂停开放');
  if (card.status === 'CLOSED') return el('span', { class: 'tag bad' }, '已关闭');
  return card.openNow ? el('span', { class: 'tag ok' }, '● 正在开放') : el('span', { class: 'tag wait' }, '○ 当前休息');
}

function stationView(card) {
  const amenities = (card.amenities || []).map(code => el('li', {}, AMENITIES[code] || code));
  return [
    el('h2', { id: 'station-name' }, card.name),
    el('p', {}, STATION_TYPES[card.type] || card.type, ' ', statusTag(card)),
    el('p', { class: 'muted' }, card.address),
    el('p', { id: 'hours' }, hoursToday(card)),
    amenities.length ? el('ul', { class: 'amenities', 'aria-label': '站内设施' }, amenities) : null,
    el('div', { class: 'stat' },
      el('div', {}, el('strong', { id: 'today' }, String(card.todayVisits)), el('span', {}, '今日到访（人次）'))),
  ];
}

async function loadCard() {
  try {
    return await publicApi.get('/api/stations/' + encodeURIComponent(stationId) + '/card');
  } catch (error) {
    render(box, error.status === 404
      ? el('div', { class: 'notice bad', role: 'alert' }, '⚠ 没有找到这个站点，请核对二维码')
      : errorNotice(error));
    return null;
  }
}

function checkInResult(answer) {
  if (answer.counted) {
    return el('div', { class: 'notice ok' }, `✓ 签到成功！${answer.countedTime} 已记录本次到访，欢迎您。`);
  }
  return el('div', { class: 'notice warn' },
    `您在 ${answer.countedTime} 已签到过，这一小时内不重复计数。`,
    el('br'), `${formatTime(answer.nextFrom)} 以后可以再次签到。`);
}

async function show() {
  const card = await loadCard();
  if (!card) return;
  const session = await restoreSession();
  const result = el('div', { id: 'result', role: 'status', 'aria-live': 'polite' });
  let action;
  if (card.status !== 'ACTIVE') {
    action = el('div', { class: 'notice warn' }, '这个站点目前暂停开放，暂不能签到。');
  } else if (session) {
    const button = el('button', { type: 'button', class: 'btn btn-large btn-block', id: 'check-in' }, '签到');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const answer = await api.post('/api/checkins/self', { stationId });
        render(result, checkInResult(answer));
        const fresh = await publicApi.get('/api/stations/' + encodeURIComponent(stationId) + '/card');
        document.getElementById('today').textContent = String(fresh.todayVisits);
      } catch (error) {
        render(result, errorNotice(error));
      } finally {
        button.disabled = false;
      }
    });
    action = el('div', {}, el('p', { class: 'muted' }, '您已登录会员账号，点“签到”记录本次到访。'), button);
  } else {
    const back = encodeURIComponent(location.pathname);
    action = el('div', {},
      el('p', { class: 'muted' }, '工会会员登录后可以在这里签到；还不是会员？欢迎加入工会。'),
      el('a', { class: 'btn btn-block', href: '/m/sign-in.html?next=' + back }, '登录'),
      el('a', { class: 'btn btn-plain btn-block', href: '/m/apply.html?via=' + encodeURIComponent('station:' + stationId) }, '我要入会'));
  }
  render(box, stationView(card), action, result);
}

show();
