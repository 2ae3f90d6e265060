// Small DOM helpers shared by the pages: build elements without innerHTML (no markup from data), show an
// ApiError as a notice, a polite toast, Beijing time.

/** el('button', {class: 'btn', onclick: fn, 'aria-pressed': 'false'}, '文字', child...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** Replaces a container's children. */
export function render(container, ...children) {
  container.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

/** A notice for an error (ApiError or any Error), with the request id to quote when asking for help. */
export function errorNotice(error) {
  return el('div', { class: 'notice bad', role: 'alert' },
    '⚠ ', error && error.message ? error.message : '出错了，请稍后再试',
    error && error.requestId ? el('span', { class: 'request-id' }, '编号：' + error.requestId) : null);
}

let toastTimer = null;
/** A short message that goes away by itself; read out by screen readers (role=status). */
export function toast(message, ms = 2500) {
  let box = document.getElementById('toast');
  if (!box) {
    box = el('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.append(box);
  }
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, ms);
}

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 14:05 (Beijing time) */
export const formatTime = date => TIME.format(new Date(date));
/** 12/2 14:05 (Beijing time) */
export const formatDateTime = date => DATE_TIME.format(new Date(date));
/** 2026-12-02, the Beijing calendar day of a moment */
export const beijingDay = date => DAY.format(new Date(date));

/** The six worker types of the platform (codes as the API takes them). */
export const WORKER_TYPES = [
  ['DELIVERY_RIDER', '网约配送员'],
  ['COURIER', '快递员'],
  ['TRUCK_DRIVER', '货车司机'],
  ['RIDE_HAILING_DRIVER', '网约车司机'],
  ['DESIGNATED_DRIVER', '代驾司机'],
  ['DOMESTIC_WORKER', '家政服务员'],
];
export const workerTypeLabel = code => (WORKER_TYPES.find(([c]) => c === code) || [code, code === 'UNKNOWN' ? '未知' : code])[1];

/** A random UUID (also on plain http, where crypto.randomUUID is missing). */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
