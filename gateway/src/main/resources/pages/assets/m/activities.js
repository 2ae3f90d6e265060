// Activities on the phone (over 200 lines would be too many; kept to list, detail, sign-up and the sign-up code).
// A member signs up with their token; anyone else (where the activity is open to all) with name, worker type and
// a code sent to their phone. A non-member's sign-up codes are kept on this phone (localStorage) so they find them
// again: a code is what they show at the door, nothing personal.
import { api, registerMessages } from '../api.js';
import { el, render, formatDateTime, WORKER_TYPES } from '../ui.js';
import { toSvg } from './qr.js';
import { KINDS, AUDIENCES, STATUSES, RULES, groupCode } from './activity-labels.js';
import { restoreSession, publicApi, notice, phoneProblem, codeProblem, countDown } from './worker.js';

registerMessages(RULES);
const main = document.getElementById('main');
const GUEST_KEY = 'union.activity-sign-ups';
const RETURN_KEY = 'union.activity';
let session = null;

const guestSignUps = () => { try { return JSON.parse(localStorage.getItem(GUEST_KEY) || '{}'); } catch { return {}; } };
function keepGuestSignUp(activityId, code) {
  const all = guestSignUps();
  all[activityId] = code;
  localStorage.setItem(GUEST_KEY, JSON.stringify(all));
}

const when = a => `${formatDateTime(a.startsAt)} – ${formatDateTime(a.endsAt)}`;
const venue = a => [a.venue.name, a.venue.address].filter(Boolean).join('，');

async function showList() {
  document.getElementById('title').textContent = '工会活动';
  let page;
  try {
    page = await publicApi.get('/api/members/activities/open?size=50');
  } catch (error) {
    return notice(error.message);
  }
  const mine = await mySignUps();
  render(main, el('div', { id: 'message', class: 'notice bad', role: 'alert', hidden: true }),
    el('p', { class: 'muted' }, '入会仪式、文体活动、安全讲座、体检、招聘会……很多活动非会员也能参加。'),
    mine.length ? el('h2', { class: 'section-title' }, '我的报名') : null,
    mine.length ? el('div', { class: 'cell-group', role: 'list', 'aria-label': '我的报名' }, mine.map(s =>
      el('div', { role: 'listitem' }, el('a', { class: 'cell', href: `/m/activities.html?id=${encodeURIComponent(s.activity.id)}` },
        el('span', { class: 'title' }, s.activity.title, el('span', { class: 'label' }, formatDateTime(s.activity.startsAt))),
        el('span', { class: 'value' }, statusText(s)))))) : null,
    el('h2', { class: 'section-title' }, '近期活动'),
    page.items.length ? el('ul', { class: 'list', id: 'activities', 'aria-label': '近期活动' }, page.items.map(a =>
      el('li', { 'data-id': a.id },
        el('h3', {}, el('a', { href: `/m/activities.html?id=${encodeURIComponent(a.id)}` }, a.title)),
        el('p', { class: 'activity-meta' }, `${KINDS[a.kind] || a.kind} · ${when(a)}`),
        el('p', { class: 'activity-meta' }, venue(a)),
        el('p', {}, el('span', { class: a.spacesLeft ? 'tag ok' : 'tag wait' },
          a.spacesLeft ? `还有 ${a.spacesLeft} 个名额` : `名额已满，可候补（${a.waiting} 人候补）`),
          ' ', AUDIENCES[a.audience])))) : el('p', { class: 'notice' }, '近期没有活动。'));
}

/** The member's sign-ups from the server, and the non-member's kept on this phone. */
async function mySignUps() {
  const found = [];
  if (session) {
    try { found.push(...await api.get('/api/members/activities/mine')); } catch { /* shown elsewhere */ }
  }
  for (const [activityId, code] of Object.entries(guestSignUps())) {
    try {
      const activity = await publicApi.get(`/api/members/activities/open/${encodeURIComponent(activityId)}`);
      found.push({ activity, code, status: null });
    } catch { /* over or gone */ }
  }
  return found;
}

const statusText = s => (s.status === 'WAITING' ? `候补第 ${s.waitingPosition} 位` : s.attendedAt ? '已签到'
  : STATUSES[s.status] || '已报名');

async function showDetail(id) {
  let a;
  try {
    a = await publicApi.get(`/api/members/activities/open/${encodeURIComponent(id)}`);
  } catch (error) {
    return render(main, el('div', { class: 'notice bad', role: 'alert' }, error.message),
      el('a', { class: 'btn btn-plain btn-block', href: '/m/activities.html' }, '返回活动列表'));
  }
  document.getElementById('title').textContent = a.title;
  const mine = (await mySignUps()).find(s => s.activity.id === a.id);
  render(main, el('div', { id: 'message', class: 'notice bad', role: 'alert', hidden: true }),
    el('section', { class: 'card', 'aria-labelledby': 'activity-title' },
      el('h2', { id: 'activity-title' }, a.title),
      el('p', { class: 'activity-meta' }, `${KINDS[a.kind] || a.kind} · ${a.organizationName}`),
      el('p', {}, '时间：', when(a)),
      el('p', {}, '地点：', venue(a)),
      el('p', {}, '对象：', AUDIENCES[a.audience]),
      a.description ? el('p', {}, a.description) : null,
      el('div', { class: 'figures', role: 'group', 'aria-label': '名额' },
        el('div', {}, el('strong', { id: 'capacity' }, String(a.capacity)), '名额'),
        el('div', {}, el('strong', { id: 'confirmed' }, String(a.confirmed)), '已报名'),
        el('div', {}, el('strong', { id: 'waiting' }, String(a.waiting)), '候补'))),
    a.jobPosts.length ? el('section', { 'aria-labelledby': 'jobs-title' },
      el('h2', { id: 'jobs-title', class: 'section-title' }, '招聘岗位'),
      el('table', { class: 'jobs' }, el('thead', {}, el('tr', {}, ['单位', '岗位', '月薪（元）', '人数'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, a.jobPosts.map(p => el('tr', {}, el('td', {}, p.employer), el('td', {}, p.position),
          el('td', {}, `${p.payFromYuan}-${p.payToYuan}`), el('td', {}, String(p.openings))))))) : null,
    el('section', { id: 'sign-up', 'aria-live': 'polite' }),
    session ? null : el('a', { class: 'btn btn-quiet btn-block', href: `/m/apply.html?via=activity:${encodeURIComponent(a.id)}` }, '我要入会'),
    el('a', { class: 'btn btn-quiet btn-block', href: '/m/activities.html' }, '返回活动列表'));
  const box = document.getElementById('sign-up');
  if (mine) return showCode(box, a, mine);
  if (session) {
    return render(box, el('button', { class: 'btn btn-block btn-large', type: 'button', id: 'member-sign-up',
      onclick: async event => {
        event.currentTarget.disabled = true;
        try {
          showCode(box, a, await api.post(`/api/members/activities/${encodeURIComponent(a.id)}/sign-ups`));
        } catch (error) {
          notice(error.message);
          event.target.disabled = false;
        }
      } }, a.spacesLeft ? '会员报名' : '会员报名（候补）'));
  }
  sessionStorage.setItem(RETURN_KEY, a.id);
  render(box, el('a', { class: 'btn btn-plain btn-block', href: '/m/sign-in.html?next=/m/activities.html' }, '会员登录后报名'),
    a.audience === 'ALL_WORKERS' ? guestForm(box, a) : el('p', { class: 'muted' }, '这个活动只面向工会会员。'));
}

function guestForm(box, a) {
  const problem = id => el('span', { class: 'error', id: `${id}-problem`, 'aria-live': 'polite' });
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'guest-title' },
    el('h2', { id: 'guest-title' }, '非会员报名'),
    el('p', { class: 'muted' }, '手机号只用于核实和活动通知，加密保存。'),
    el('label', { class: 'field', for: 'guest-name' }, el('span', {}, '姓名'),
      el('input', { id: 'guest-name', name: 'name', autocomplete: 'name', maxlength: '50', required: true }), problem('guest-name')),
    el('label', { class: 'field', for: 'guest-type' }, el('span', {}, '职业'),
      el('select', { id: 'guest-type', name: 'workerType' }, WORKER_TYPES.map(([code, label]) => el('option', { value: code }, label)))),
    el('label', { class: 'field', for: 'guest-phone' }, el('span', {}, '手机号'),
      el('input', { id: 'guest-phone', name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: '13', required: true }), problem('guest-phone')),
    el('button', { class: 'btn btn-plain btn-block', type: 'button', id: 'guest-send' }, '获取验证码'),
    el('label', { class: 'field', for: 'guest-code' }, el('span', {}, '短信验证码'),
      el('input', { id: 'guest-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6' }), problem('guest-code')),
    el('button', { class: 'btn btn-block btn-large', type: 'submit' }, a.spacesLeft ? '提交报名' : '提交报名（候补）'));
  const field = name => form.querySelector(`[name=${name}]`);
  const show = (input, message) => {
    document.getElementById(`${input.id}-problem`).textContent = message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    return !message;
  };
  form.querySelector('#guest-send').addEventListener('click', async event => {
    if (!show(field('phone'), phoneProblem(field('phone').value))) return field('phone').focus();
    try {
      await publicApi.post(`/api/members/activities/${encodeURIComponent(a.id)}/guest-codes`, { phone: field('phone').value.replace(/\s/g, '') });
      countDown(event.target, 60, '获取验证码');
    } catch (error) {
      notice(error.message);
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const ok = [show(field('name'), field('name').value.trim() ? '' : '请填写姓名'),
      show(field('phone'), phoneProblem(field('phone').value)), show(field('code'), codeProblem(field('code').value))];
    if (ok.includes(false)) return;
    try {
      const signed = await publicApi.post(`/api/members/activities/${encodeURIComponent(a.id)}/guest-sign-ups`, {
        name: field('name').value.trim(), phone: field('phone').value.replace(/\s/g, ''),
        workerType: field('workerType').value, code: field('code').value.trim() });
      keepGuestSignUp(a.id, signed.code);
      showCode(box, a, signed);
    } catch (error) {
      notice(error.message);
    }
  });
  return form;
}

/** The code to show at the door, as text and as a QR code the attendant scans. */
function showCode(box, a, signed) {
  const waiting = signed.status === 'WAITING';
  render(box, el('section', { class: 'card', 'aria-labelledby': 'code-title' },
    el('h2', { id: 'code-title' }, '我的报名码'),
    el('p', { class: 'status-big', id: 'sign-up-status' }, waiting ? `候补第 ${signed.waitingPosition} 位` : statusText(signed)),
    el('p', { class: 'sign-up-code', id: 'sign-up-code' }, groupCode(signed.code)),
    el('div', { class: 'qr' }, toSvg(signed.code, '报名码二维码，活动现场出示供扫码签到')),
    el('p', { class: 'muted' }, waiting ? '有人取消时按报名先后递补，届时凭此码入场。' : '活动现场出示此码（会员也可出示电子会员卡）签到。'),
    signed.attendedAt ? null : el('button', { class: 'btn btn-quiet btn-block', type: 'button', onclick: async () => {
      try {
        await publicApi.post(`/api/members/activities/${encodeURIComponent(a.id)}/cancellations`, { code: signed.code });
        const all = guestSignUps();
        delete all[a.id];
        localStorage.setItem(GUEST_KEY, JSON.stringify(all));
        location.assign(`/m/activities.html?id=${encodeURIComponent(a.id)}`);
      } catch (error) {
        notice(error.message);
      }
    } }, '取消报名')));
}

async function start() {
  session = await restoreSession();
  const params = new URLSearchParams(location.search);
  const back = sessionStorage.getItem(RETURN_KEY);
  const id = params.get('id') || (session && back);
  if (back && session) sessionStorage.removeItem(RETURN_KEY);
  if (id) await showDetail(id); else await showList();
}

start();
