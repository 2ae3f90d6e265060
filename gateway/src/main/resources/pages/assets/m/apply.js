import { WORKER_TYPES } from '../ui.js';
import { groupReceipt, notice, phoneProblem, publicApi, residentIdProblem, showFieldProblem } from './worker.js';

// The platforms Shaanxi's gig workers name most; any other is typed in.
const PLATFORMS = ['美团', '饿了么', '滴滴出行', '首汽约车', '荣橙出行', '曹操出行', 'T3出行', '花小猪', '顺丰速运',
  '京东物流', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', '中国邮政', '货拉拉', '满帮', '快狗打车'];
const OTHER = '其他平台';
const NONE = '不在平台工作';
const PROVINCE = '610000';

const form = document.getElementById('apply-form');
const fields = Object.fromEntries(['name', 'residentId', 'phone', 'workerType', 'platform', 'platformOther', 'city',
  'county', 'street'].map(id => [id, document.getElementById(id)]));

fields.workerType.append(new Option('请选择', ''));
for (const [code, label] of WORKER_TYPES) fields.workerType.append(new Option(label, code));
fields.platform.append(new Option('请选择', ''));
for (const name of [...PLATFORMS, OTHER, NONE]) fields.platform.append(new Option(name, name));
fields.platform.addEventListener('change', () => {
  document.getElementById('platform-other-field').hidden = fields.platform.value !== OTHER;
});

async function fillPlaces(parent, select, placeholder) {
  select.replaceChildren(new Option(placeholder, ''));
  try {
    for (const place of await publicApi.get(`/api/organizations/places?parent=${parent}`)) {
      select.append(new Option(place.name, place.code));
    }
  } catch (error) {
    notice('地点列表加载失败，请刷新重试。' + error.message);
  }
}
fillPlaces(PROVINCE, fields.city, '选择城市');
fields.county.append(new Option('选择区县', ''));
fields.city.addEventListener('change', async () => {
  fields.county.disabled = !fields.city.value;
  fields.street.hidden = true;
  fields.street.replaceChildren();
  if (fields.city.value) await fillPlaces(fields.city.value, fields.county, '选择区县');
  showFieldProblem(fields.county, '');
});
// A street or town, where the county's are listed, lets dispatch reach that street's union; choosing none is fine.
fields.county.addEventListener('change', async () => {
  fields.street.hidden = true;
  fields.street.replaceChildren();
  if (!fields.county.value) return;
  await fillPlaces(fields.county.value, fields.street, '街道（镇），可不选');
  fields.street.hidden = fields.street.options.length < 2;
});

const checks = {
  name: () => (fields.name.value.trim() ? '' : '请填写姓名'),
  residentId: () => residentIdProblem(fields.residentId.value),
  phone: () => phoneProblem(fields.phone.value),
  workerType: () => (fields.workerType.value ? '' : '请选择职业类别'),
  platformOther: () => (fields.platform.value === OTHER && !fields.platformOther.value.trim() ? '请填写平台名称' : ''),
  county: () => (fields.county.value ? '' : '请选择工作所在的城市和区县'),
};

// Checked as they type: the ID's check character once all 18 are in, the phone once 11 digits are; the rest on leaving.
fields.residentId.addEventListener('input', () => {
  showFieldProblem(fields.residentId, fields.residentId.value.trim().length >= 18 ? checks.residentId() : '');
});
fields.phone.addEventListener('input', () => {
  const value = fields.phone.value.replace(/\s/g, '');
  showFieldProblem(fields.phone, value.length >= 11 || /\D/.test(value) ? checks.phone() : '');
});
for (const key of Object.keys(checks)) {
  fields[key].addEventListener('blur', () => showFieldProblem(fields[key], checks[key]()));
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  let first = null;
  for (const [key, check] of Object.entries(checks)) {
    const problem = check();
    showFieldProblem(fields[key], problem);
    if (problem && !first) first = fields[key];
  }
  if (first) {
    first.focus();
    return;
  }
  let platform = fields.platform.value;
  if (platform === OTHER) platform = fields.platformOther.value.trim();
  if (platform === NONE) platform = '';
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const answer = await publicApi.post('/api/members/applications' + channelQuery(), {
      name: fields.name.value.trim(),
      residentId: fields.residentId.value.trim().toUpperCase(),
      phone: fields.phone.value.replace(/\s/g, ''),
      workerType: fields.workerType.value,
      platform: platform || null,
      divisionCode: fields.street.value || fields.county.value,
    });
    sessionStorage.setItem('union.receipt', answer.receiptCode);
    document.getElementById('receipt-code').textContent = groupReceipt(answer.receiptCode);
    document.getElementById('status-link').href = `/m/status.html?receipt=${encodeURIComponent(answer.receiptCode)}`;
    form.hidden = true;
    document.getElementById('received').hidden = false;
    document.getElementById('received-title').focus();
  } catch (error) {
    notice(error.message);
  } finally {
    button.disabled = false;
  }
});

/**
 * What brought the applicant here (a station's QR page, an activity, a campaign's link: ?via=station:xy-love-01),
 * passed on so the organizer sees joins by channel; anything else is left out.
 */
function channelQuery() {
  const via = new URLSearchParams(location.search).get('via');
  return via && /^(station|activity|campaign):[A-Za-z0-9_-]{1,64}$/.test(via) ? `?via=${encodeURIComponent(via)}` : '';
}
