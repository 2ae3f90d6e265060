// What the worker pages (/m/) share on top of api.js and ui.js: the member's sign-in kept while moving between
// pages, the checks of the application form, and small helpers. See docs/pages.md, "The worker pages".

import { api, claims, configureSession, endSession, startSession } from '../api.js';

const KEY = 'union.member';
const EARLY_MS = 30000;

/**
 * The member's token has no refresh token and lives 10 minutes. The worker pages are separate documents, so
 * it is kept in this tab's sessionStorage (gone when the tab closes), never in localStorage or a URL.
 */
export async function restoreSession() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    saved = null;
  }
  if (!saved || saved.expiresAt < Date.now() + EARLY_MS) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  await startSession({ accessToken: saved.accessToken, expiresIn: Math.floor((saved.expiresAt - Date.now()) / 1000) });
  configureSession({ onSignedOut: () => signInAgain() });
  return saved;
}

export async function keepSession(answer) {
  await startSession(answer);
  const member = (claims() || {}).member;
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: answer.accessToken, memberId: member,
    expiresAt: Date.now() + (answer.expiresIn || 600) * 1000 }));
}

export async function forgetSession() {
  sessionStorage.removeItem(KEY);
  await endSession();
}

/** The signed-in member, or off to the sign-in page (coming back here afterwards). */
export async function requireSession() {
  const saved = await restoreSession();
  if (!saved) signInAgain();
  return saved;
}

function signInAgain() {
  sessionStorage.removeItem(KEY);
  location.replace(`/m/sign-in.html?next=${encodeURIComponent(location.pathname)}`);
}

/** A call without a token (the public endpoints). */
export const publicApi = {
  get: path => api.get(path, { auth: false }),
  post: (path, body) => api.post(path, body, { auth: false }),
};

/** GB 11643: what is wrong with a resident ID as typed, or ''. */
export function residentIdProblem(value) {
  const id = value.trim().toUpperCase();
  if (id.length === 0) return '请填写身份证号';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，最后一位可以是X';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return '身份证号校验位不正确，请核对';
  const born = new Date(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}T00:00:00`);
  if (Number.isNaN(born.getTime()) || born.getDate() !== Number(id.slice(12, 14)) || born > new Date()) {
    return '身份证号中的出生日期不正确';
  }
  return '';
}

export function phoneProblem(value) {
  const phone = value.replace(/\s/g, '');
  if (phone.length === 0) return '请填写手机号';
  return /^1[3-9]\d{9}$/.test(phone) ? '' : '请输入正确的手机号';
}

export function codeProblem(value) {
  return /^\d{6}$/.test(value.trim()) ? '' : '请输入6位数字验证码';
}

/** Shows or clears the message under a field (the element `<id>-problem`) and marks the field. */
export function showFieldProblem(input, message) {
  document.getElementById(`${input.id}-problem`).textContent = message;
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

export function groupReceipt(code) {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** After a code was sent: the button counts down until the next one may be asked for. */
export function countDown(button, seconds, label) {
  let left = seconds;
  button.disabled = true;
  const tick = () => {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = `${left} 秒后可重新获取`;
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}

/** Shows a message in the page's notice box (role=alert), or clears it. */
export function notice(message) {
  const box = document.getElementById('message');
  box.textContent = message || '';
  box.hidden = !message;
}
