// The shell shared by the staff pages on a desktop screen (the officer's desk /desk/, the organizer's console
// /console/): sign in with a staff account, a row of tabs, one screen at a time. The address keeps the screen and
// its parameters after '#' (#dashboard?org=xian-beilin), so a screen can be linked, reloaded and gone back to.
// The refresh token stays in memory (api.js's default): a shared computer keeps nothing after the tab closes.
import { api, signIn, configureSession, hasSession, endSession, claims } from './api.js';
import { el, render, errorNotice } from './ui.js';

/**
 * Starts a staff page.
 * screens: [[id, 中文标签, async show(main, params)]]; the first is where a sign-in lands.
 * roles: the roles that may use the page; noun: who signs in (e.g. '福利专员'); hint: one line under the form.
 */
export function startStaffPage({ main, tabs, who, roles, noun, hint, screens }) {
  const screenIds = screens.map(([id]) => id);
  /** Organisation names by id, read once per page load. */
  const scopeNames = new Map();

  async function boot() {
    configureSession({ onSignedOut: () => showSignIn('登录已过期，请重新登录') });
    window.addEventListener('hashchange', () => { if (claims()) openFromAddress(); });
    if (await hasSession()) return openFromAddress();
    showSignIn();
  }

  function showSignIn(message) {
    tabs.hidden = true;
    render(who);
    const error = el('div', { 'aria-live': 'assertive' });
    const form = el('form', { class: 'card sign-in', novalidate: true },
      el('h2', {}, noun + '登录'),
      message ? el('p', { class: 'notice warn' }, message) : null,
      el('label', { class: 'field' }, el('span', {}, '账号'),
        el('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'off' })),
      el('label', { class: 'field' }, el('span', {}, '密码'),
        el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
      error,
      el('button', { class: 'btn btn-block', type: 'submit' }, '登录'),
      el('p', { class: 'muted' }, hint));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const username = form.username.value.trim();
      const password = form.password.value;
      if (!username || !password) return render(error, el('p', { class: 'notice bad', role: 'alert' }, '请填写账号和密码'));
      form.querySelector('button').disabled = true;
      try {
        await signIn(username, password);
        const granted = (claims() || {}).roles || [];
        if (!granted.some(role => roles.includes(role))) {
          await endSession();
          form.querySelector('button').disabled = false;
          return render(error, el('p', { class: 'notice bad', role: 'alert' }, '这个账号不是' + noun + '，不能使用本页面'));
        }
        await openFromAddress();
      } catch (e) {
        render(error, errorNotice(e.status === 401 ? { message: '账号或密码不对', requestId: e.requestId } : e));
        form.querySelector('button').disabled = false;
      }
    });
    render(main, el('div', { class: 'desk-narrow' }, form));
    form.username.focus();
  }

  /** The screen and parameters the address names (#id?key=value), else the first screen. */
  function openFromAddress() {
    const [id, query] = location.hash.replace(/^#/, '').split('?');
    const params = Object.fromEntries(new URLSearchParams(query || ''));
    return show(screenIds.includes(id) ? id : screenIds[0], params);
  }

  async function show(name, params) {
    const token = claims() || {};
    const scope = el('span', { 'data-scope': token.org || '' }, scopeNames.get(token.org) || '');
    render(who, el('span', {}, token.name || ''), scope,
      el('button', { type: 'button', class: 'btn btn-quiet on-brand', onclick: signOut }, '退出登录'));
    showScopeName(token, scope);
    tabs.hidden = false;
    render(tabs, screens.map(([id, label]) => el('button', { type: 'button', class: 'desk-tab', 'data-screen': id,
      'aria-current': id === name ? 'page' : null, onclick: () => go(id) }, label)));
    const [, , screen] = screens.find(([id]) => id === name);
    // Each opening draws into a box of its own: a screen still loading when another is opened (a quick second
    // click) finishes into a box no longer shown, never over the newer screen.
    const box = el('div', { class: 'screen', 'data-showing': name });
    render(main, box);
    try {
      await screen(box, params);
    } catch (e) {
      render(box, errorNotice(e));
    }
  }

  /** The union the account serves, by its name (an administrator's scope is the whole platform). */
  async function showScopeName(token, scope) {
    if (!token.org) return render(scope, (token.roles || []).includes('ADMIN') ? '全部组织' : '');
    if (!scopeNames.has(token.org)) {
      try {
        scopeNames.set(token.org, (await api.get('/api/organizations/' + encodeURIComponent(token.org))).name);
      } catch {
        return;
      }
    }
    render(scope, scopeNames.get(token.org));
  }

  async function signOut() {
    await endSession();
    showSignIn('已退出登录');
  }

  boot().catch(e => render(main, errorNotice(e)));
}

/** Opens a screen of the current staff page with parameters, e.g. go('dashboard', { org: 'xian-beilin' }). */
export function go(id, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const hash = '#' + id + (query.toString() ? '?' + query : '');
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
