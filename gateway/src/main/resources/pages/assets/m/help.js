// 维权求助: a member (signed in) or any worker who confirms their phone by code files a help case, with photos,
// and follows its steps. A worker who is not a member gets a help session (a token kept in this tab's
// sessionStorage, like the member's, and sent in the X-Help-Session header). docs/pages.md, "The worker pages".
import { api, registerMessages } from '../api.js';
import { WORKER_TYPES, el, formatDateTime, render } from '../ui.js';
import { codeProblem, countDown, notice, phoneProblem, publicApi, restoreSession, showFieldProblem } from './worker.js';

const KINDS = [['UNPAID_PAY', '欠薪'], ['PLATFORM_PENALTY', '平台罚款与扣款'], ['ACCOUNT_BLOCKED', '账号被封'],
  ['WORK_INJURY', '工伤与事故'], ['PARTNER_DISPUTE', '与合作商或代理商的纠纷'], ['SOCIAL_INSURANCE', '社会保险'],
  ['OTHER', '其他']];
const PLATFORMS = ['美团', '饿了么', '滴滴出行', '首汽约车', '荣橙出行', '曹操出行', 'T3出行', '顺丰速运', '京东物流',
  '中通快递', '圆通速递', '韵达快递', '极兔速递', '中国邮政', '货拉拉', '满帮'];
const STEPS = {
  FILED: '已提交，等待工会受理', ACCEPTED: '工会已受理', INVESTIGATING: '工会正在调查', MEDIATION: '正在与公司或平台调解',
  'CLOSED:RESOLVED': '已解决', 'CLOSED:REFERRED_TO_ARBITRATION_OR_COURT': '已转劳动仲裁或诉讼',
  'CLOSED:WITHDRAWN': '已撤回', ESCALATED: '已提请上级工会督办', REFERRED_TO_LEGAL_AID: '已转法律援助',
  INFORMATION_ADDED: '您补充了情况',
};
const STATUS = { FILED: '待受理', ACCEPTED: '已受理', INVESTIGATING: '调查中', MEDIATION: '调解中', CLOSED: '已办结' };
const HELP_KEY = 'union.help';
const MAX_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;
const PROVINCE = '610000';

const $ = id => document.getElementById(id);
registerMessages({
  'place-needed': '请选择职业类别和工作所在的区县', 'no-union-here': '这个地方还没有工会，请选择工作所在的区县',
  'details-refused': '填写的信息有误，请核对后重新提交', 'contact-needed': '请填写联系电话',
  'attachment-too-large': '文件太大，每个不能超过5MB', 'attachment-type': '只能上传照片或PDF文件',
  'too-many-attachments': '这件求助的文件数已达上限',
});
let member = null;
let help = null;
let verifiedPhone = '';
let current = null;

// ---- who is asking

function savedHelp() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(HELP_KEY) || 'null');
    return saved && Date.parse(saved.expiresAt) > Date.now() + 30000 ? saved : null;
  } catch {
    return null;
  }
}

/** A call as the worker: the member's token, or the help session's header. */
function call(method, path, body) {
  if (member) return api[method](path, ...(body === undefined ? [] : [body]));
  const options = { auth: false, headers: { 'X-Help-Session': help.helpToken } };
  return method === 'get' ? api.get(path, options) : api.post(path, body, options);
}

function authHeaders() {
  if (member) return { Authorization: 'Bearer ' + member.accessToken };
  return { 'X-Help-Session': help.helpToken };
}

$('send-code').addEventListener('click', async () => {
  notice('');
  const phone = $('verify-phone');
  const problem = phoneProblem(phone.value);
  showFieldProblem(phone, problem);
  if (problem) return phone.focus();
  try {
    await publicApi.post('/api/members/help/codes', { phone: phone.value.replace(/\s/g, '') });
    $('sent').textContent = '验证码已发送，5分钟内有效';
    countDown($('send-code'), 60, '获取验证码');
    $('verify-code').focus();
  } catch (error) {
    notice(error.message);
  }
});

$('verify-form').addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  const phone = $('verify-phone');
  const code = $('verify-code');
  const problems = [[phone, phoneProblem(phone.value)], [code, codeProblem(code.value)]];
  problems.forEach(([input, problem]) => showFieldProblem(input, problem));
  if (problems.some(([, problem]) => problem)) return;
  try {
    help = await publicApi.post('/api/members/help/sessions', { phone: phone.value.replace(/\s/g, ''), code: code.value.trim() });
  } catch (error) {
    notice(error.status === 401 ? '手机号或验证码不正确，或验证码已过期，请重新获取' : error.message);
    return;
  }
  sessionStorage.setItem(HELP_KEY, JSON.stringify(help));
  verifiedPhone = phone.value.replace(/\s/g, '');
  $('verify-form').hidden = true;
  await showCases();
});

// ---- the list

async function showCases() {
  $('file-form').hidden = true;
  $('case').hidden = true;
  let page;
  try {
    page = await call('get', '/api/members/help/my-cases?size=50');
  } catch (error) {
    notice(error.message);
    return;
  }
  const items = page.items || [];
  render($('case-list'), ...(items.length ? items.map(item => el('button', { type: 'button', class: 'cell',
    'data-case': item.id, onclick: () => showCase(item.id) },
  el('span', { class: 'title' }, `${item.kindLabel} · ${item.company}`,
    el('span', { class: 'label' }, `${formatDateTime(item.openedAt)} 提交，${item.organizationName}`)),
  el('span', { class: 'value' }, STATUS[item.status] || item.status))) : [el('p', { class: 'cell' }, '还没有求助记录')]));
  $('cases').hidden = false;
  if (!items.length) openForm();
}

$('new-case').addEventListener('click', () => openForm());

// ---- filing

const OTHER = '其他平台';
const fields = Object.fromEntries(['kind', 'company', 'platform', 'platformOther', 'workerType', 'city', 'county', 'street',
  'description', 'photos', 'contactName', 'contactPhone', 'howToReach'].map(id => [id, $(id)]));
fields.kind.append(new Option('请选择', ''));
for (const [code, label] of KINDS) fields.kind.append(new Option(label, code));
fields.platform.append(new Option('不选', ''));
for (const name of [...PLATFORMS, OTHER]) fields.platform.append(new Option(name, name));
fields.platform.addEventListener('change', () => {
  $('platform-other-field').hidden = fields.platform.value !== OTHER;
});
fields.workerType.append(new Option('请选择', ''));
for (const [code, label] of WORKER_TYPES) fields.workerType.append(new Option(label, code));

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
fields.county.append(new Option('选择区县', ''));
fields.city.addEventListener('change', async () => {
  fields.county.disabled = !fields.city.value;
  fields.street.hidden = true;
  if (fields.city.value) await fillPlaces(fields.city.value, fields.county, '选择区县');
});
fields.county.addEventListener('change', async () => {
  fields.street.hidden = true;
  if (!fields.county.value) return;
  await fillPlaces(fields.county.value, fields.street, '街道（镇），可不选');
  fields.street.hidden = fields.street.options.length < 2;
});

function openForm() {
  $('case').hidden = true;
  $('place-fields').hidden = Boolean(member);
  if (!member && fields.city.options.length === 0) fillPlaces(PROVINCE, fields.city, '选择城市');
  if (!fields.contactPhone.value && verifiedPhone) fields.contactPhone.value = verifiedPhone;
  $('file-form').hidden = false;
  $('file-title').focus();
}

const checks = {
  kind: () => (fields.kind.value ? '' : '请选择遇到的问题'),
  company: () => (fields.company.value.trim() ? '' : '请填写涉及的公司或平台'),
  platformOther: () => (fields.platform.value === OTHER && !fields.platformOther.value.trim() ? '请填写平台名称' : ''),
  workerType: () => (member || fields.workerType.value ? '' : '请选择职业类别'),
  county: () => (member || fields.county.value ? '' : '请选择工作所在的城市和区县'),
  description: () => (fields.description.value.trim() ? '' : '请写一写发生了什么'),
  photos: () => filesProblem(fields.photos.files),
  contactPhone: () => (member && !fields.contactPhone.value.trim() ? '' : phoneProblem(fields.contactPhone.value)),
};

function filesProblem(files) {
  if (files.length > MAX_FILES) return `最多上传${MAX_FILES}个文件`;
  for (const file of files) {
    if (!/^image\//.test(file.type) && file.type !== 'application/pdf') return '只能上传照片或PDF文件';
    if (file.type === 'application/pdf' && file.size > MAX_BYTES) return 'PDF文件不能超过5MB';
  }
  return '';
}

$('file-form').addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  let first = null;
  for (const [key, check] of Object.entries(checks)) {
    const problem = check();
    showFieldProblem(fields[key], problem);
    if (problem && !first) first = fields[key];
  }
  if (first) return first.focus();
  const button = $('submit-case');
  button.disabled = true;
  try {
    const body = {
      kind: fields.kind.value, company: fields.company.value.trim(),
      platform: (fields.platform.value === OTHER ? fields.platformOther.value.trim() : fields.platform.value) || null,
      description: fields.description.value.trim(), contactName: fields.contactName.value.trim() || null,
      contactPhone: fields.contactPhone.value.replace(/\s/g, '') || null, howToReach: fields.howToReach.value.trim() || null,
    };
    if (!member) {
      body.workerType = fields.workerType.value;
      body.divisionCode = fields.street.hidden || !fields.street.value ? fields.county.value : fields.street.value;
    }
    const filed = await call('post', '/api/members/help/my-cases', body);
    await uploadAll(filed.id, fields.photos.files, $('uploading'));
    $('file-form').reset();
    $('file-form').hidden = true;
    await showCase(filed.id);
  } catch (error) {
    notice(error.message);
  } finally {
    button.disabled = false;
  }
});

/** Photos are made smaller on the phone (long side 1600 px, JPEG) before they travel: weak connections. */
async function shrink(file) {
  if (!/^image\/(jpeg|png|webp|heic|heif)/.test(file.type) || !window.createImageBitmap) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ? new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}

async function uploadAll(caseId, files, progress) {
  let done = 0;
  for (const original of files) {
    progress.textContent = `正在上传第 ${done + 1} 个文件（共 ${files.length} 个）`;
    const form = new FormData();
    form.append('file', await shrink(original));
    const response = await fetch(`/api/members/help/my-cases/${encodeURIComponent(caseId)}/attachments`,
      { method: 'POST', headers: authHeaders(), body: form, credentials: 'same-origin' });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const why = { 'attachment-too-large': '文件太大', 'attachment-type': '只能上传照片或PDF',
        'too-many-attachments': '文件数已达上限' }[problem.rule] || '上传失败';
      notice(`求助已提交，但「${original.name}」${why}，可以在详情里重新补充。`);
    }
    done += 1;
  }
  progress.textContent = '';
}

// ---- one case

async function showCase(id) {
  notice('');
  try {
    current = await call('get', `/api/members/help/my-cases/${encodeURIComponent(id)}`);
  } catch (error) {
    notice(error.message);
    return;
  }
  const c = current;
  $('cases').hidden = true;
  $('file-form').hidden = true;
  render($('case-facts'), el('dl', { class: 'case-facts' },
    el('dt', {}, '编号'), el('dd', { 'data-field': 'id' }, c.id),
    el('dt', {}, '问题'), el('dd', {}, `${c.kindLabel} · ${c.company}`),
    el('dt', {}, '负责的工会'), el('dd', { 'data-field': 'organization' }, c.organizationName),
    el('dt', {}, '当前状态'), el('dd', { 'data-field': 'status' }, STATUS[c.status] || c.status),
    c.dueAt ? el('dt', {}, '本步办理期限') : null, c.dueAt ? el('dd', {}, formatDateTime(c.dueAt)) : null,
    c.amountRecoveredFen > 0 ? el('dt', {}, '挽回金额') : null,
    c.amountRecoveredFen > 0 ? el('dd', {}, `${(c.amountRecoveredFen / 100).toFixed(2)} 元`) : null,
    el('dt', {}, '发生了什么'), el('dd', {}, c.description)));
  render($('case-steps'), ...c.steps.map(step => el('li', { 'data-step': step.what },
    el('span', { class: 'done' }, STEPS[step.what] || step.what),
    step.organizationName && step.what !== 'INFORMATION_ADDED' ? ` · ${step.organizationName}` : '',
    step.note ? el('span', { class: 'when' }, step.note) : null,
    el('span', { class: 'when' }, formatDateTime(step.at)))));
  render($('case-meetings'), c.meetings.length ? el('h3', {}, '调解会谈') : null,
    c.meetings.length ? el('ul', {}, ...c.meetings.map(m => el('li', {},
      `${formatDateTime(m.heldAt)} 与${m.counterparty}：${m.outcome}`))) : null,
    c.additions.length ? el('h3', {}, '我补充的情况') : null,
    c.additions.length ? el('ul', {}, ...c.additions.map(a => el('li', {}, `${formatDateTime(a.at)} ${a.text}`))) : null);
  render($('case-files'), c.attachments.length ? el('h3', {}, '照片和材料') : null,
    c.attachments.length ? el('ul', {}, ...c.attachments.map(a => el('li', { 'data-attachment': a.id },
      `${a.fileName}（${Math.max(1, Math.round(a.size / 1024))} KB）`))) : null);
  $('add-form').hidden = c.status === 'CLOSED';
  $('case').hidden = false;
  $('case-title').focus();
}

$('add-form').addEventListener('submit', async event => {
  event.preventDefault();
  notice('');
  const text = $('addition');
  const files = $('more-photos');
  const problem = !text.value.trim() && !files.files.length ? '请填写补充的情况或选择照片' : '';
  showFieldProblem(text, problem);
  showFieldProblem(files, filesProblem(files.files));
  if (problem || filesProblem(files.files)) return;
  try {
    if (text.value.trim()) {
      await call('post', `/api/members/help/my-cases/${encodeURIComponent(current.id)}/information`, { text: text.value.trim() });
    }
    await uploadAll(current.id, files.files, $('uploading'));
    $('add-form').reset();
    await showCase(current.id);
  } catch (error) {
    notice(error.message);
  }
});

$('back').addEventListener('click', () => showCases());

// ---- start

member = await restoreSession();
help = member ? null : savedHelp();
if (member || help) {
  await showCases();
} else {
  $('verify-form').hidden = false;
}
