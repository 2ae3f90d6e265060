// 账号管理: the staff accounts an administrator, or an organizer within their subtree, manages: create attendants
// bound to stations, officers and organizers scoped to an organisation; disable and enable; reset the password.
// A new or reset password is made here (crypto.getRandomValues), sent once and shown once: it is never stored and
// never shown again, the colleague gets it in person and changes nothing else.
import { api, claims, registerMessages } from '../api.js';
import { el, render, errorNotice, toast, formatDateTime } from '../ui.js';

const ROLES = [['STATION_ATTENDANT', '驿站值守员'], ['BENEFIT_OFFICER', '福利专员'], ['ORGANIZER', '组织员'], ['ADMIN', '管理员']];
const roleLabel = code => (ROLES.find(([c]) => c === code) || [code, code])[1];
const PASSWORD_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

registerMessages({
  'account-roles': '组织员只能创建组织员、福利专员和驿站值守员账号',
  'account-scope': '账号的范围与角色不符：组织员和福利专员要选所属组织，值守员要选站点',
  'account-stations': '所选站点还没有登记到平台，请联系管理员',
  'password-length': '密码太长',
});

/** A 16-letter temporary password without look-alike letters (0/O, 1/l/I). */
function temporaryPassword() {
  const out = [];
  while (out.length < 16) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    if (byte < 256 - (256 % PASSWORD_LETTERS.length)) out.push(PASSWORD_LETTERS[byte % PASSWORD_LETTERS.length]);
  }
  return out.join('');
}

/** A password to show once on the next drawing of the screen: [title, username, password]. */
let shownNext = null;

export async function showAccounts(main) {
  render(main, el('p', { class: 'muted' }, '正在读取账号……'));
  let accounts;
  let organizations;
  let stations;
  try {
    [accounts, organizations, stations] = await Promise.all([
      api.get('/api/auth/accounts?size=200'),
      api.get('/api/organizations?size=200'),
      api.get('/api/stations?size=200')]);
  } catch (e) {
    return render(main, errorNotice(e));
  }
  const orgs = organizations.items || [];
  const orgNames = new Map(orgs.map(o => [o.id, o.name]));
  const stationNames = new Map((stations.items || []).map(s => [s.id, s.name]));
  const shownOnce = el('div', { id: 'shown-once', 'aria-live': 'polite' });
  if (shownNext) showPassword(shownOnce, ...shownNext);
  shownNext = null;
  const reload = () => showAccounts(main);
  render(main,
    shownOnce,
    createForm(orgs, stations.items || [], reload),
    el('section', { class: 'card', 'aria-labelledby': 'accounts-title' },
      el('h2', { id: 'accounts-title' }, '账号（' + accounts.totalItems + ' 个）'),
      el('table', { class: 'desk-table', 'data-list': 'accounts' },
        el('caption', { class: 'visually-hidden' }, '您可以管理的账号'),
        el('thead', {}, el('tr', {}, ['账号', '角色', '范围', '状态', '创建', '操作'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, (accounts.items || []).map(a => accountRow(a, orgNames, stationNames, reload))))));
}

function createForm(orgs, stations, reload) {
  const admin = ((claims() || {}).roles || []).includes('ADMIN');
  const username = el('input', { id: 'new-username', name: 'username', autocomplete: 'off', autocapitalize: 'off',
    maxlength: '64', 'aria-describedby': 'new-username-hint' });
  const role = el('select', { id: 'new-role', name: 'role' },
    ROLES.filter(([code]) => admin || code !== 'ADMIN').map(([code, label]) => el('option', { value: code }, label)));
  const org = el('select', { id: 'new-org', name: 'org' }, orgs.map(o => el('option', { value: o.id }, o.name)));
  const stationBoxes = el('fieldset', { class: 'station-picks' }, el('legend', {}, '负责的站点'),
    stations.length ? stations.map(s => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'station', value: s.id }), ' ' + s.name))
      : el('p', { class: 'muted' }, '您的范围内还没有站点'));
  const orgField = el('label', { class: 'field', for: org.id }, el('span', {}, '所属组织'), org);
  const outcome = el('div', { 'aria-live': 'polite' });
  const fitScope = () => {
    orgField.hidden = role.value === 'STATION_ATTENDANT' || role.value === 'ADMIN';
    stationBoxes.hidden = role.value !== 'STATION_ATTENDANT';
  };
  role.addEventListener('change', fitScope);
  fitScope();
  const form = el('form', { class: 'card account-form', novalidate: true, 'aria-labelledby': 'new-account-title' },
    el('h2', { id: 'new-account-title' }, '新建账号'),
    el('label', { class: 'field', for: username.id }, el('span', {}, '账号名'), username,
      el('span', { class: 'hint', id: 'new-username-hint' }, '3-64 位字母、数字、点、横线或下划线；登录时不区分大小写')),
    el('label', { class: 'field', for: role.id }, el('span', {}, '角色'), role),
    orgField, stationBoxes, outcome,
    el('button', { class: 'btn', type: 'submit' }, '创建账号'),
    el('p', { class: 'muted' }, '系统生成临时密码，只显示一次，请当面交给本人。'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const name = username.value.trim();
    if (!/^[A-Za-z0-9._-]{3,64}$/.test(name)) {
      return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '账号名要 3-64 位字母、数字、点、横线或下划线'));
    }
    const body = { username: name, password: temporaryPassword(), roles: [role.value] };
    if (role.value === 'ORGANIZER' || role.value === 'BENEFIT_OFFICER') {
      if (!org.value) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请选择所属组织'));
      body.orgId = org.value;
    }
    if (role.value === 'STATION_ATTENDANT') {
      body.stations = [...form.querySelectorAll('input[name=station]:checked')].map(box => box.value);
      if (!body.stations.length) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请至少选择一个站点'));
    }
    form.querySelector('button[type=submit]').disabled = true;
    try {
      const created = await api.post('/api/auth/accounts', body);
      shownNext = ['已创建账号 ' + created.username, created.username, body.password];
      await reload();
    } catch (e) {
      form.querySelector('button[type=submit]').disabled = false;
      render(outcome, e.status === 409 ? el('p', { class: 'notice bad', role: 'alert' }, '这个账号名已经有人用了，请换一个') : errorNotice(e));
    }
  });
  return form;
}

function accountRow(account, orgNames, stationNames, reload) {
  const scope = account.orgId ? (orgNames.get(account.orgId) || '其他组织')
    : account.stations && account.stations.length ? account.stations.map(id => stationNames.get(id) || '其他站点').join('、')
      : '全部';
  const outcome = el('div', { 'aria-live': 'polite' });
  const act = (label, send) => el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: async event => {
    event.currentTarget.disabled = true;
    try {
      await send();
    } catch (e) {
      render(outcome, errorNotice(e));
    }
  } }, label);
  const path = '/api/auth/accounts/' + encodeURIComponent(account.id);
  return el('tr', { 'data-account': account.username },
    el('td', {}, account.username),
    el('td', {}, account.roles.map(roleLabel).join('、')),
    el('td', {}, scope),
    el('td', {}, account.enabled ? el('span', { class: 'tag ok' }, '启用') : el('span', { class: 'tag bad' }, '已停用')),
    el('td', {}, formatDateTime(account.createdAt)),
    el('td', {}, el('div', { class: 'row-buttons' },
      account.enabled
        ? act('停用', async () => { await api.post(path + '/disable'); toast('已停用 ' + account.username); await reload(); })
        : act('启用', async () => { await api.post(path + '/enable'); toast('已启用 ' + account.username); await reload(); }),
      act('重置密码', async () => {
        const password = temporaryPassword();
        await api.put(path + '/password', { password });
        shownNext = ['已重置 ' + account.username + ' 的密码', account.username, password];
        await reload();
      })), outcome));
}

/** The temporary password, shown once (gone with the next screen or reload). */
function showPassword(box, title, username, password) {
  render(box, el('div', { class: 'notice ok', role: 'status' },
    el('p', {}, el('strong', {}, title)),
    el('p', {}, '账号 ', el('code', {}, username), '，临时密码 ', el('code', { 'data-password': username }, password)),
    el('p', { class: 'muted' }, '密码只显示这一次，请当面告诉本人。')));
}
