import { call, problemText, tabBar, text } from '/m/worker.js';

tabBar('stations');

// City centres of Shaanxi's ten cities, for a phone that gives no location.
const CITIES = [
  ['西安市', 34.3416, 108.9398], ['铜川市', 34.8967, 108.9451], ['宝鸡市', 34.3619, 107.2376],
  ['咸阳市', 34.3296, 108.7093], ['渭南市', 34.4994, 109.5102], ['延安市', 36.5853, 109.4897],
  ['汉中市', 33.0676, 107.0238], ['榆林市', 38.2854, 109.7341], ['安康市', 32.6903, 109.0293],
  ['商洛市', 33.8704, 109.9400],
];
const AMENITIES = {
  MICROWAVE: '微波炉', DRINKING_WATER: '饮水', CHARGING: '充电', FIRST_AID_KIT: '急救箱', UMBRELLAS: '雨伞',
  WIFI: '无线网络', BOOKS: '图书', SEATS: '座椅', TOILET: '卫生间', SHOWER: '淋浴', TRUCK_PARKING: '货车停车',
  LAUNDRY: '洗衣', FILMS: '观影',
};
const TYPES = {
  DRIVERS_HOME: '司机之家', LOVE_STATION: '爱心驿站', OUTDOOR_WORKER_STATION: '户外劳动者服务站',
  RIDER_HOME: '骑手之家', READING_ROOM: '职工书屋',
};
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const list = document.getElementById('stations');
const message = document.getElementById('message');
const where = document.getElementById('where');
const citySelect = document.getElementById('city');
CITIES.forEach(([name], i) => citySelect.append(new Option(name, String(i))));
if (/MicroMessenger/i.test(navigator.userAgent)) document.getElementById('wechat-hint').hidden = false;

function distance(metres) {
  return metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(1)} 公里`;
}

function hours(station) {
  const h = station.hours;
  if (!h || h.alwaysOpen) return '24小时开放';
  const parts = [];
  DAYS.forEach((day, i) => {
    const ranges = (h.weekly || {})[day];
    if (ranges && ranges.length) {
      parts.push(`${DAY_NAMES[i]} ${ranges.map((r) => `${r.opens}-${r.closes}`).join('，')}`);
    }
  });
  return parts.length ? parts.join('；') : '开放时间请咨询驿站';
}

function navigationLinks(station) {
  const { lat, lon } = station.location;
  const name = encodeURIComponent(station.name);
  const amap = text('a', '高德导航');
  amap.href = `https://uri.amap.com/navigation?to=${lon},${lat},${name}&mode=car&callnative=1`;
  const baidu = text('a', '百度导航');
  baidu.href = `https://api.map.baidu.com/marker?location=${lat},${lon}&title=${name}`
    + `&content=${encodeURIComponent(station.address || '')}&output=html&src=union-platform`;
  for (const link of [amap, baidu]) {
    link.rel = 'noopener';
    link.setAttribute('aria-label', `${link.textContent}：${station.name}`);
  }
  const links = document.createElement('p');
  links.className = 'links';
  links.append(amap, baidu);
  return links;
}

function render(stations) {
  list.replaceChildren();
  if (stations.length === 0) {
    message.textContent = '附近10公里内没有开放的驿站';
    return;
  }
  for (const station of stations) {
    const item = document.createElement('li');
    item.className = 'station';
    item.append(text('h3', station.name));
    const line = document.createElement('p');
    line.append(text('span', `${distance(station.distanceMetres)} · ${TYPES[station.type] || ''} · `),
      text('span', station.openNow ? '正在开放' : '暂未开放', station.openNow ? 'open-now' : 'closed-now'));
    item.append(line);
    if (station.address) item.append(text('p', station.address, 'muted'));
    item.append(text('p', `开放时间：${hours(station)}`, 'muted'));
    const tags = document.createElement('ul');
    tags.className = 'tags';
    tags.setAttribute('aria-label', '服务设施');
    for (const amenity of station.amenities || []) tags.append(text('li', AMENITIES[amenity] || amenity));
    item.append(tags, navigationLinks(station));
    list.append(item);
  }
}

async function search(lat, lon, from) {
  message.textContent = '';
  where.textContent = `正在查找${from}附近的驿站…`;
  const answer = await call('GET', `/api/stations/nearby?lat=${lat.toFixed(6)}&lon=${lon.toFixed(6)}&radius=10000&limit=20`);
  if (answer.status !== 200) {
    where.textContent = '';
    message.textContent = problemText(answer, '位置');
    return;
  }
  where.textContent = `${from}附近的驿站，由近到远`;
  render(answer.body);
}

document.getElementById('locate').addEventListener('click', () => {
  if (!navigator.geolocation) {
    message.textContent = '无法获取位置，请选择城市';
    return;
  }
  where.textContent = '正在获取您的位置…';
  navigator.geolocation.getCurrentPosition(
    (position) => search(position.coords.latitude, position.coords.longitude, '您'),
    () => {
      where.textContent = '';
      message.textContent = '无法获取位置（可能未允许定位），请选择城市';
    },
    { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 },
  );
});

citySelect.addEventListener('change', () => {
  if (!citySelect.value) return;
  const [name, lat, lon] = CITIES[Number(citySelect.value)];
  search(lat, lon, name);
});
