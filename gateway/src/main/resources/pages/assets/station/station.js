// The attendant's page (over 200 lines: its three screens and their sync triggers read best together).
// Sign in, pick a station, one tap per visit; visits go to the outbox first and are uploaded in batches.
import { api, signIn, configureSession, hasSession, endSession, registerMessages } from '../api.js';
import { el, render, $, errorNotice, toast, formatTime, beijingDay, WORKER_TYPES, workerTypeLabel, uuid } from '../ui.js';
import { REASONS, FLAGS, sessionStore, setting, saveSetting, enqueue, pendingCount, recent, upload } from './outbox.js';
import { canScan, scanQr, visitorOf } from '../scanner.js';
import { showActivityDoor } from './activity-door.js';

const SERVICES = [
  ['REST', '休息'], ['WATER', '饮水'], ['CHARGING', '充电'], ['HEATING_FOOD', '热饭'], ['TOILET', '如厕'],
  ['FIRST_AID', '急救药品'], ['UMBRELLA_LOAN', '借伞'], ['WIFI', '上网'], ['READING', '阅读'], ['SHOWER', '洗浴'],
  ['LAUNDRY', '洗衣'], ['PARKING', '停车'], ['CONSULTATION', '咨询'],
];
const SYNC_EVERY_MS = 30000;
const main = $('#main');
const title = $('#title');
const choice = { workerType: 'DELIVERY_RIDER', services: new Set(['REST']) };
let station = null;
let syncing = false;
let lastUpload = null;
/** The last upload failed for want of a network (navigator.onLine alone misses a dead Wi-Fi or server). */
let unreachable = false;

registerMessages({ ...REASONS, 'batch-too-large': '一次上传太多，请稍后重试' });

async function boot() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/station/sw.js', { scope: '/station/' }).catch(() => {});
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  configureSession({ store: await sessionStore(), onSignedOut: () => showSignIn('登录已过期，请重新登录。待传的登记仍在手机上。') });
  window.addEventListener('online', () => sync());
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') sync(); });
  setInterval(() => sync(), SYNC_EVERY_MS);
  if (!(await hasSession())) return showSignIn();
  station = await setting('station');
  if (!station) return showStations();
  await showRecorder();
  sync();
}

// ---- sign-in ----

function showSignIn(message) {
  title.textContent = '驿站值守登记';
  const error = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { class: 'card', novalidate: true },
    el('h2', {}, '值守人员登录'),
    message ? el('p', { class: 'notice warn' }, message) : null,
    el('label', { class: 'field' }, el('span', {}, '账号'),
      el('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'off' })),
    el('label', { class: 'field' }, el('span', {}, '密码'),
      el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    error,
    el('button', { class: 'btn btn-block btn-large', type: 'submit' }, '登录'),
    el('p', { class: 'muted' }, '登录在本机保留一个班次（12 小时），联网时自动续期；离线也能登记，联网后自动上传。'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) return render(error, el('p', { class: 'notice bad', role: 'alert' }, '请填写账号和密码'));
    form.querySelector('button').disabled = true;
    try {
      await signIn(username, password);
      station = await setting('station');
      if (station) { await showRecorder(); sync(); } else await showStations();
    } catch (e) {
      render(error, errorNotice(e.status === 401 ? { message: '账号或密码不对', requestId: e.requestId } : e));
      form.querySelector('button').disabled = false;
    }
  });
  render(main, form);
  form.username.focus();
}

// ---- station ----

async function showStations() {
  title.textContent = '选择站点';
  render(main, el('p', { class: 'muted' }, '正在读取您负责的站点……'));
  let stations;
  try {
    const page = await api.get('/api/stations?size=100');
    stations = (page.items || []).filter(s => s.status === 'ACTIVE').map(s => ({ id: s.id, name: s.name, address: s.address }));
    await saveSetting('stations', stations);
  } catch (e) {
    stations = (await setting('stations')) || [];
    if (!stations.length) return render(main, errorNotice(e), el('button', { class: 'btn btn-block', onclick: showStations }, '重试'));
  }
  const list = el('div', { class: 'cell-group', role: 'list' }, stations.map(s =>
    el('div', { role: 'listitem' }, el('button', { class: 'cell', type: 'button', onclick: () => pick(s) },
      el('span', { class: 'title' }, s.name, el('span', { class: 'label' }, s.address || s.id)),
      el('span', { class: 'value', 'aria-hidden': 'true' }, '›')))));
  render(main, el('h2', { class: 'section-title' }, '您负责的站点'),
    stations.length ? list : el('p', { class: 'notice warn' }, '您的账号没有负责的站点，请联系工会管理员。'),
    signOutButton());
}

async function pick(chosen) {
  station = chosen;
  await saveSetting('station', chosen);
  await showRecorder();
  sync();
}

// ---- recording ----

async function showRecorder() {
  title.textContent = station.name;
  const workerTypes = el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'wt-label' }, WORKER_TYPES.map(([code, label]) =>
    el('button', { type: 'button', class: 'chip', 'aria-pressed': String(choice.workerType === code), 'data-code': code, onclick: e => {
      choice.workerType = code;
      workerTypes.querySelectorAll('.chip').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.code === code)));
      e.currentTarget.focus();
    } }, label)));
  const services = el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'sv-label' }, SERVICES.map(([code, label]) =>
    el('button', { type: 'button', class: 'chip', 'aria-pressed': String(choice.services.has(code)), onclick: e => {
      if (choice.services.has(code)) choice.services.delete(code); else choice.services.add(code);
      e.currentTarget.setAttribute('aria-pressed', String(choice.services.has(code)));
    } }, label)));
  const card = el('input', { id: 'card', name: 'card', inputmode: 'text', autocomplete: 'off', maxlength: '32',
    'aria-describedby': 'card-hint' });
  const cardHint = el('span', { class: 'hint', id: 'card-hint' }, '会员出示电子会员卡，扫码或输入卡号');
  const scanArea = el('div', { hidden: true }, el('video', { id: 'camera', playsinline: true, muted: true, 'aria-label': '摄像头画面' }));
  render(main,
    el('section', { class: 'stat', 'aria-label': '今日统计' },
      el('div', {}, el('strong', { id: 'today' }, '–'), el('span', {}, '今日到站')),
      el('div', {}, el('strong', { id: 'pending' }, '–'), el('span', {}, '待上传'))),
    el('div', { id: 'sync-status', class: 'muted center', 'aria-live': 'polite' }),
    el('button', { id: 'upload', class: 'btn btn-plain btn-block', type: 'button', onclick: () => sync(true) }, '立即上传'),
    el('div', { id: 'upload-result', 'aria-live': 'polite' }),
    el('section', { class: 'card', 'aria-labelledby': 'anon-title' },
      el('h2', { id: 'anon-title' }, '匿名登记'),
      el('p', { class: 'section-title', id: 'wt-label' }, '职业'), workerTypes,
      el('p', { class: 'section-title', id: 'sv-label' }, '使用的服务'), services,
      el('button', { class: 'btn btn-block btn-large', type: 'button', id: 'record-anonymous', onclick: recordAnonymous }, '记一次（匿名）')),
    el('section', { class: 'card', 'aria-labelledby': 'member-title' },
      el('h2', { id: 'member-title' }, '会员登记'),
      canScan() ? el('button', { class: 'btn btn-plain btn-block', type: 'button', onclick: () => scan(scanArea) }, '扫会员码') : null,
      scanArea,
      el('label', { class: 'field', for: 'card' }, el('span', {}, '会员卡号'), card, cardHint),
      el('button', { class: 'btn btn-block btn-large', type: 'button', id: 'record-member', onclick: () => recordMember(card, cardHint) }, '记一次（会员）')),
    el('h2', { class: 'section-title' }, '最近登记'),
    el('div', { class: 'cell-group', id: 'recent', role: 'list', 'aria-label': '最近登记' }),
    el('button', { class: 'btn btn-plain btn-block', type: 'button', id: 'activity-door',
      onclick: () => showActivityDoor(main, title, showRecorder) }, '活动签到'),
    el('div', { class: 'row' },
      el('button', { class: 'btn btn-quiet', type: 'button', onclick: showStations }, '切换站点'),
      signOutButton()));
  await refresh();
}

async function recordAnonymous(event) {
  await record(event.currentTarget, { workerType: choice.workerType },
    '匿名 · ' + workerTypeLabel(choice.workerType));
}

async function recordMember(input, hint) {
  const value = input.value.trim();
  if (!/^[A-Za-z0-9-]{4,32}$/.test(value)) {
    input.setAttribute('aria-invalid', 'true');
    hint.className = 'error';
    hint.textContent = value ? '请输入正确的会员卡号（4-32 位字母或数字）' : '请填写会员卡号';
    return input.focus();
  }
  input.removeAttribute('aria-invalid');
  hint.className = 'hint';
  hint.textContent = '会员出示电子会员卡，扫码或输入卡号';
  await record($('#record-member'), { cardNumber: value }, '会员 · 卡号尾号 ' + value.slice(-4));
  input.value = '';
}

async function scan(area) {
  const controller = new AbortController();
  area.hidden = false;
  const stop = el('button', { class: 'btn btn-plain btn-block', type: 'button', onclick: () => controller.abort() }, '停止扫码');
  area.append(stop);
  try {
    const text = await scanQr(area.querySelector('video'), controller.signal);
    if (text) {
      const visitor = visitorOf(text);
      await record($('#record-member'), visitor, visitor.cardNumber ? '会员 · 卡号尾号 ' + visitor.cardNumber.slice(-4) : '会员 · 扫码');
    }
  } catch (e) {
    toast('无法打开摄像头，请输入卡号');
  } finally {
    stop.remove();
    area.hidden = true;
  }
}

/** One tap, one visit: into the outbox at once (works offline), then an upload try. */
async function record(button, visitor, label) {
  button.disabled = true;
  try {
    const visit = { visitId: uuid(), stationId: station.id, visitedAt: new Date().toISOString(),
      services: Array.from(choice.services), ...visitor };
    await enqueue(visit, label);
    toast('已登记：' + label);
    await refresh();
    sync();
  } finally {
    // A short pause against an accidental double tap.
    setTimeout(() => { button.disabled = false; }, 300);
  }
}

// ---- sync and the figures on screen ----

async function sync(byHand) {
  if (syncing || !station) return;
  if (!byHand && (await pendingCount()) === 0) return refreshToday();
  syncing = true;
  status('正在上传……');
  try {
    lastUpload = await upload();
    unreachable = false;
    lastUpload.at = Date.now();
    syncing = false;
    showUploadResult();
    // The queue and the list first (from the device), then today's figure (from the server, maybe slow).
    await refresh();
    await refreshToday();
  } catch (e) {
    unreachable = !!e.offline;
    if (!e.offline) if (e.status !== 401 && $('#upload-result')) render($('#upload-result'), errorNotice(e));
  } finally {
    syncing = false;
    await refresh();
  }
}

function showUploadResult() {
  const target = $('#upload-result');
  if (!target || !lastUpload || lastUpload.sent === 0) return;
  const u = lastUpload;
  render(target, el('div', { class: 'notice ' + (u.rejected || u.flagged ? 'warn' : 'ok'), role: 'status' },
    el('p', {}, `${formatTime(u.at)} 上传完成：新记录 ${u.created} 条，重复 ${u.duplicates} 条，` +
      (u.flagged ? `待核查 ${u.flagged} 条，` : '') + `未记录 ${u.rejected} 条。`),
    u.duplicates ? el('p', { class: 'muted' }, '重复的登记之前已经记过，不会重复计数。') : null,
    u.flagged ? el('p', { class: 'muted' }, '待核查的登记已保存，但不计入站点人次，由组织方核查。') : null,
    u.conflicts ? el('p', {}, `${u.conflicts} 条登记编号冲突，已从待传队列移除，请重新登记。`) : null,
    u.flags.length ? el('ul', {}, u.flags.map(r =>
      el('li', {}, `${formatTime(r.visitedAt)} ${r.label}：已保存待核查，${FLAGS[r.reason] || r.reason}`))) : null,
    u.rejections.length ? el('ul', {}, u.rejections.map(r =>
      el('li', {}, `${formatTime(r.visitedAt)} ${r.label}：未记录，${REASONS[r.reason] || r.reason}`))) : null));
}

async function refreshToday() {
  if (!station) return;
  try {
    const figures = await api.get('/api/stations/' + encodeURIComponent(station.id) + '/visit-counts');
    await saveSetting('today', { stationId: station.id, day: beijingDay(Date.now()), count: figures.today });
  } catch (e) {
    // Offline or signed out: the cached figure stays.
  }
  await refresh();
}

/** Redraws the figures, the upload button and the recent list from the device store. */
async function refresh() {
  if (!station || !$('#today')) return;
  const pending = await pendingCount(station.id);
  const allPending = await pendingCount();
  const today = await setting('today');
  const counted = today && today.stationId === station.id && today.day === beijingDay(Date.now()) ? today.count : 0;
  // Looked up again after the awaits: the attendant may have opened another screen meanwhile (seen: the activity door).
  const [todayFigure, pendingFigure, upload] = [$('#today'), $('#pending'), $('#upload')];
  if (!todayFigure || !pendingFigure || !upload) return;
  todayFigure.textContent = String(counted + pending);
  pendingFigure.textContent = String(allPending);
  upload.textContent = allPending ? `立即上传（${allPending} 条待传）` : '立即上传（没有待传）';
  const offline = unreachable || !navigator.onLine;
  if (!syncing) status(allPending ? (offline ? '离线：登记已存在手机上，联网后自动上传' : `${allPending} 条待上传`) : '全部已上传');
  const entries = await recent(station.id, 10);
  if (!$('#recent')) return;
  render($('#recent'), entries.length ? entries.map(entry => el('div', { class: 'cell', role: 'listitem' },
    el('span', { class: 'title' }, entry.label, el('span', { class: 'label' }, formatTime(entry.visitedAt))),
    statusTag(entry))) : el('div', { class: 'cell muted', role: 'listitem' }, '还没有登记'));
}

function statusTag(entry) {
  switch (entry.status) {
    case 'PENDING': return el('span', { class: 'tag wait' }, '待上传');
    case 'CREATED': return el('span', { class: 'tag ok' }, '✓ 已记录');
    case 'DUPLICATE': return entry.reason && FLAGS[entry.reason]
      ? el('span', { class: 'tag wait', title: FLAGS[entry.reason] }, '已保存，待核查：' + FLAGS[entry.reason])
      : el('span', { class: 'tag ok' }, '✓ 已记过');
    case 'FLAGGED': return el('span', { class: 'tag wait', title: FLAGS[entry.reason] || entry.reason },
      '已保存，待核查：' + (FLAGS[entry.reason] || entry.reason));
    default: return el('span', { class: 'tag bad', title: REASONS[entry.reason] || entry.reason }, '✗ 未记录：' + (REASONS[entry.reason] || entry.reason));
  }
}

function status(text) {
  const line = $('#sync-status');
  if (line) line.textContent = text;
}

function signOutButton() {
  return el('button', { class: 'btn btn-quiet', type: 'button', onclick: async () => {
    const waiting = await pendingCount();
    if (waiting) return toast(`还有 ${waiting} 条待上传，请联网上传后再退出`);
    await endSession();
    await saveSetting('station', null);
    station = null;
    showSignIn();
  } }, '退出登录');
}

boot();
