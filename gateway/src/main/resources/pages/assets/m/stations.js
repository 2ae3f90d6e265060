import { el, render } from '../ui.js';
import { notice, publicApi } from './worker.js';

// City centres of Shaanxi's ten cities, for a phone that gives no location.
const CITIES = [
  ['西安市', 34.3416, 108.9398], ['铜川市', 34.8967, 108.9451], ['宝鸡市', 34.3619, 107.2376],
  ['咸阳市', 34.3296, 108.7093], ['渭南市', 34.4994, 109.5102], ['延安市', 36.5853, 109.4897],
  ['汉中市', 33.0676, 107.0238], ['榆林市', 38.2854, 109.7341], ['安康市', 32.6903, 109.0293],
  ['商洛市', 33.8704, 109.9400],
];
const RADIUS_METRES = 10000;
const AMENITIES = {
  MICROWAVE: '微波炉', DRINKING_WATER: '饮水', CHARGING: '充电', FIRST_AID_KIT: '急救箱', UMBRELLAS: '雨伞',
  WIFI: '无线网络', BOOKS: '图书', SEATS: '座椅', TOILET: '卫生间', SHOWER: '淋浴', TRUCK_PARKING: '货车停车',
  LAUNDRY: '洗衣', FILMS: '观影',
};
const TYPES = {
  DRIVERS_HOME: '司机之家', LOVE_STATION: '爱心驿站', OUTDOOR_WORKER_STATION: '户外劳动者服务站',
  RIDER_HOME: '骑手之家', READING_ROOM: '职工书屋',
};
const DAYS = [['MONDAY', '周一'], ['TUESDAY', '周二'], ['WEDNESDAY', '周三'], ['THURSDAY', '周四'],
  ['FRIDAY', '周五'], ['SATURDAY', '周六'], ['SUNDAY', '周日']];

const list = document.getElementById('stations');
const where = document.getElementById('where');
const citySelect = document.getElementById('city');
CITIES.forEach(([name], i) => citySelect.append(new Option(name, String(i))));
if (/MicroMessenger/i.test(navigator.userAgent)) document.getElementById('wechat-hint').hidden = false;

const distance = metres => (metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(1)} 公里`);

function hours(opening) {
  if (!opening || opening.alwaysOpen) return '24小时开放';
  const days = DAYS.map(([day, label]) => [label, (opening.weekly || {})[day] || []])
    .filter(([, ranges]) => ranges.length)
    .map(([label, ranges]) => `${label} ${ranges.map(r => `${r.opens}-${r.closes}`).join('，')}`);
  return days.length ? days.join('；') : '开放时间请咨询驿站';
}

/** Amap and Baidu open their app from a browser; inside WeChat only the page (hence the hint). */
function navigation(station) {
  const { lat, lon } = station.location;
  const name = encodeURIComponent(station.name);
  const amap = `https://uri.amap.com/navigation?to=${lon},${lat},${name}&mode=car&callnative=1`;
  const baidu = `https://api.map.baidu.com/marker?location=${lat},${lon}&title=${name}`
    + `&content=${encodeURIComponent(station.address || '')}&output=html&src=union-platform`;
  return el('p', { class: 'go' },
    el('a', { class: 'btn btn-plain', href: amap, rel: 'noopener', 'aria-label': `高德地图导航到${station.name}` }, '高德导航'),
    el('a', { class: 'btn btn-plain', href: baidu, rel: 'noopener', 'aria-label': `百度地图导航到${station.name}` }, '百度导航'));
}

function show(stations) {
  if (stations.length === 0) {
    render(list, el('li', {}, '附近10公里内没有驿站。可以换一个城市看看。'));
    return;
  }
  render(list, stations.map(station => el('li', { class: 'station' },
    el('h3', {}, station.name),
    el('p', {}, `${distance(station.distanceMetres)} · ${TYPES[station.type] || '驿站'} · `,
      el('span', { class: station.openNow ? 'tag ok' : 'tag wait' }, station.openNow ? '正在开放' : '暂未开放')),
    station.address ? el('p', { class: 'muted' }, station.address) : null,
    el('p', { class: 'muted' }, `开放时间：${hours(station.hours)}`),
    el('ul', { class: 'amenities', 'aria-label': '设施' },
      (station.amenities || []).map(amenity => el('li', {}, AMENITIES[amenity] || amenity))),
    navigation(station))));
}

async function search(lat, lon, from) {
  notice('');
  where.textContent = `正在查找${from}附近的驿站……`;
  try {
    show(await publicApi.get(`/api/stations/nearby?lat=${lat.toFixed(6)}&lon=${lon.toFixed(6)}`
      + `&radius=${RADIUS_METRES}&limit=20`));
    where.textContent = `${from}附近的驿站，由近到远`;
  } catch (error) {
    where.textContent = '';
    notice(error.message);
  }
}

document.getElementById('locate').addEventListener('click', () => {
  if (!navigator.geolocation) {
    notice('这台手机无法提供位置，请选择城市');
    return;
  }
  where.textContent = '正在获取您的位置……';
  navigator.geolocation.getCurrentPosition(
    position => search(position.coords.latitude, position.coords.longitude, '您'),
    () => {
      where.textContent = '';
      notice('没有得到您的位置（可能没有允许定位），请选择城市');
    },
    { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
});

citySelect.addEventListener('change', () => {
  if (!citySelect.value) return;
  const [name, lat, lon] = CITIES[Number(citySelect.value)];
  search(lat, lon, name);
});
