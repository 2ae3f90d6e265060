import { call, groupReceipt, phoneProblem, problemText, residentIdProblem, showFieldProblem, tabBar }
  from '/m/worker.js';

// The platforms Shaanxi's gig workers name most; anything else is typed in.
const PLATFORMS = ['美团', '饿了么', '滴滴出行', '首汽约车', '荣橙出行', '曹操出行', 'T3出行', '花小猪', '顺丰速运',
  '京东物流', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', '中国邮政', '货拉拉', '满帮', '快狗打车'];
const PROVINCE = '610000';

tabBar('apply');
const form = document.getElementById('apply-form');
const fields = {
  name: document.getElementById('name'),
  residentId: document.getElementById('residentId'),
  phone: document.getElementById('phone'),
  workerType: document.getElementById('workerType'),
  platform: document.getElementById('platform'),
  platformOther: document.getElementById('platformOther'),
  city: document.getElementById('city'),
  county: document.getElementById('county'),
};
const message = document.getElementById('form-message');

for (const name of [...PLATFORMS, '其他平台', '不在平台工作']) {
  fields.platform.append(new Option(name, name));
}
fields.platform.addEventListener('change', () => {
  document.getElementById('platform-other-field').hidden = fields.platform.value !== '其他平台';
});

async function places(parent, select, placeholder) {
  select.replaceChildren(new Option(placeholder, ''));
  const answer = await call('GET', `/api/organizations/places?parent=${parent}`);
  if (answer.status !== 200) {
    message.textContent = '地点列表加载失败，请刷新重试';
    return;
  }
  for (const place of answer.body) select.append(new Option(place.name, place.code));
}
places(PROVINCE, fields.city, '选择城市');
fields.city.addEventListener('change', async () => {
  fields.county.disabled = !fields.city.value;
  if (fields.city.value) await places(fields.city.value, fields.county, '选择区县');
  showFieldProblem(fields.county, '');
});

const checks = {
  name: () => (fields.name.value.trim() ? '' : '请填写姓名'),
  residentId: () => residentIdProblem(fields.residentId.value),
  phone: () => phoneProblem(fields.phone.value),
  workerType: () => (fields.workerType.value ? '' : '请选择职业类别'),
  platformOther: () => (fields.platform.value === '其他平台' && !fields.platformOther.value.trim() ? '请填写平台名称' : ''),
  county: () => (fields.county.value ? '' : '请选择工作所在的城市和区县'),
};

// Checked as they type: the ID's check character and the phone once long enough, the rest when left.
fields.residentId.addEventListener('input', () => {
  const value = fields.residentId.value.trim();
  showFieldProblem(fields.residentId, value.length >= 18 ? checks.residentId() : '');
});
fields.phone.addEventListener('input', () => {
  const value = fields.phone.value.replace(/\s/g, '');
  showFieldProblem(fields.phone, value.length >= 11 || /[^\d]/.test(value) ? checks.phone() : '');
});
for (const key of Object.keys(checks)) {
  fields[key].addEventListener('blur', () => showFieldProblem(fields[key], checks[key]()));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
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
  if (platform === '其他平台') platform = fields.platformOther.value.trim();
  if (platform === '不在平台工作') platform = '';
  const button = document.getElementById('submit');
  button.disabled = true;
  const answer = await call('POST', '/api/members/applications', {
    name: fields.name.value.trim(),
    residentId: fields.residentId.value.trim().toUpperCase(),
    phone: fields.phone.value.replace(/\s/g, ''),
    workerType: fields.workerType.value,
    platform: platform || null,
    divisionCode: fields.county.value,
  });
  button.disabled = false;
  if (answer.status !== 202) {
    message.textContent = problemText(answer, '申请信息');
    message.focus?.();
    return;
  }
  const receipt = answer.body.receiptCode;
  sessionStorage.setItem('union.receipt', receipt);
  document.getElementById('receipt-code').textContent = groupReceipt(receipt);
  document.getElementById('status-link').href = `/m/status.html?receipt=${encodeURIComponent(receipt)}`;
  form.hidden = true;
  const received = document.getElementById('received');
  received.hidden = false;
  document.getElementById('received-title').focus();
});
