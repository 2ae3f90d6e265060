// 找工会: the public union directory by place and platform, with each union's stations (no sign-in).
import { el, render } from '../ui.js';
import { notice, publicApi } from './worker.js';

const PLATFORMS = ['美团', '饿了么', '蓝骑士', '滴滴出行', '首汽约车', '荣橙出行', '顺丰速运', '京东物流', '中通快递',
  '圆通速递', '货拉拉', '满帮'];
const TYPES = {
  DRIVERS_HOME: '司机之家', LOVE_STATION: '爱心驿站', OUTDOOR_WORKER_STATION: '户外劳动者服务站',
  RIDER_HOME: '骑手之家', READING_ROOM: '职工书屋',
};
const form = document.getElementById('search');
const list = document.getElementById('unions');
const summary = document.getElementById('summary');
const platform = document.getElementById('platform');
platform.append(new Option('不限平台', ''));
PLATFORMS.forEach(name => platform.append(new Option(name, name)));

const params = new URLSearchParams(location.search);
if (params.get('place')) form.place.value = params.get('place');
if (params.get('platform')) platform.value = params.get('platform');

async function stationsOf(union) {
  try {
    const page = await publicApi.get(`/api/stations/directory?organizationId=${encodeURIComponent(union.id)}&size=5`);
    return page.items || [];
  } catch {
    return [];
  }
}

/** The search the page shows: a slower earlier answer (the first load's) never overwrites a later one. */
let latest = 0;

async function search() {
  const mine = ++latest;
  notice('');
  const query = new URLSearchParams({ size: '30' });
  if (form.place.value.trim()) query.set('place', form.place.value.trim());
  if (platform.value) query.set('platform', platform.value);
  summary.textContent = '正在查找……';
  let answer;
  try {
    answer = await publicApi.get(`/api/organizations/directory?${query}`);
  } catch (error) {
    if (mine !== latest) return;
    summary.textContent = '';
    return notice(error.message);
  }
  if (mine !== latest) return;
  const unions = answer.unions.items;
  summary.textContent = (answer.placeName ? `${answer.placeName}：` : '') + `找到 ${answer.unions.totalItems} 个工会`;
  const stations = await Promise.all(unions.map(stationsOf));
  if (mine !== latest) return;
  render(list, unions.map((union, i) => el('li', { 'data-id': union.id },
    el('h3', {}, union.name),
    el('p', { class: 'activity-meta' }, `${union.kindLabel} · ${union.placeName}`),
    union.platforms.length ? el('p', {}, '平台：', union.platforms.join('、')) : null,
    el('p', {}, '地址：', union.address || '暂未登记'),
    el('p', {}, '电话：', union.officePhone
      ? el('a', { href: `tel:${union.officePhone.replace(/[^0-9+]/g, '')}` }, union.officePhone) : '暂未登记'),
    stations[i].length ? el('div', {}, '驿站：', el('ul', { class: 'union-stations' }, stations[i].map(s =>
      el('li', {}, `${s.name}（${TYPES[s.type] || '驿站'}）`)))) : null,
    el('p', { class: 'muted' }, union.howToJoin),
    union.admitsMembers ? el('p', { class: 'go' }, el('a', { class: 'btn btn-plain', href: '/m/apply.html' }, '申请入会')) : null)));
}

form.addEventListener('submit', event => {
  event.preventDefault();
  search();
});
search();
