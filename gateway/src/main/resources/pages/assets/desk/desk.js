// The benefit officer's desk: sign in with a staff account, then three screens (办理发放, 发放记录, 理赔审核).
// The refresh token stays in memory (api.js's default): a shared desk computer keeps nothing after the tab closes,
// and a reload asks for the password again. Only unconfirmed issue attempts outlive a reload (issue.js).
import { signIn, configureSession, hasSession, endSession, claims, registerMessages } from '../api.js';
import { el, render, $, errorNotice } from '../ui.js';
import { RULES } from './labels.js';
import { showIssue } from './issue.js';
import { showGrants, showClaims } from './records.js';

const OFFICER_ROLES = ['BENEFIT_OFFICER', 'ADMIN'];
const SCREENS = [['issue', '办理发放', showIssue], ['grants', '发放记录', showGrants], ['claims', '理赔审核', showClaims]];
const main = $('#main');
const tabs = $('#tabs');
const who = $('#who');

registerMessages(RULES);

async function boot() {
  configureSession({ onSignedOut: () => showSignIn('登录已过期，请重新登录') });
  if (await hasSession()) return open('issue');
  showSignIn();
}

function showSignIn(message) {
  tabs.hidden = true;
  render(who);
  const error = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { class: 'card sign-in', novalidate: true },
    el('h2', {}, '福利专员登录'),
    message ? el('p', { class: 'notice warn' }, message) : null,
    el('label', { class: 'field' }, el('span', {}, '账号'),
      el('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'off' })),
    el('label', { class: 'field' }, el('span', {}, '密码'),
      el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    error,
    el('button', { class: 'btn btn-block', type: 'submit' }, '登录'),
    el('p', { class: 'muted' }, '使用工会分配的福利专员账号。关闭或刷新页面后需要重新登录。'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) return render(error, el('p', { class: 'notice bad', role: 'alert' }, '请填写账号和密码'));
    form.querySelector('button').disabled = true;
    try {
      await signIn(username, password);
      const roles = (claims() || {}).roles || [];
      if (!roles.some(role => OFFICER_ROLES.includes(role))) {
        await endSession();
        form.querySelector('button').disabled = false;
        return render(error, el('p', { class: 'notice bad', role: 'alert' }, '这个账号不是福利专员，不能使用服务台'));
      }
      await open('issue');
    } catch (e) {
      render(error, errorNotice(e.status === 401 ? { message: '账号或密码不对', requestId: e.requestId } : e));
      form.querySelector('button').disabled = false;
    }
  });
  render(main, el('div', { class: 'desk-narrow' }, form));
  form.username.focus();
}

async function open(name) {
  const token = claims() || {};
  render(who, el('span', {}, (token.name || '') + (token.org_path ? ' · 范围 ' + token.org_path : '')),
    el('button', { type: 'button', class: 'btn btn-quiet on-brand', onclick: signOut }, '退出登录'));
  tabs.hidden = false;
  render(tabs, SCREENS.map(([id, label]) => el('button', { type: 'button', class: 'desk-tab', 'data-screen': id,
    'aria-current': id === name ? 'page' : null, onclick: () => open(id) }, label)));
  const [, , show] = SCREENS.find(([id]) => id === name);
  await show(main);
}

async function signOut() {
  await endSession();
  showSignIn('已退出登录');
}

boot().catch(e => render(main, errorNotice(e)));
