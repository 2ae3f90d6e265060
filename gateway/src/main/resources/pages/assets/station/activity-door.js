// 活动签到: the attendant takes attendance at the door of an activity held at one of their stations, by the
// sign-up code (text or its QR code) or a member's card number or QR code. Online only: attendance is answered at
// once (already signed in, on the waiting list, not signed up), which a queued upload could not do.
import { api, registerMessages } from '../api.js';
import { el, render, errorNotice, formatDateTime, workerTypeLabel } from '../ui.js';
import { KINDS, RULES } from '../m/activity-labels.js';
import { canScan, scanQr } from '../scanner.js';

registerMessages(RULES);

/** Shows the current activities at the attendant's stations; `back` returns to the visit recorder. */
export async function showActivityDoor(main, title, back) {
  title.textContent = '活动签到';
  render(main, el('p', { class: 'muted' }, '正在读取活动……'));
  let page;
  try {
    page = await api.get('/api/members/activities?current=true&size=50');
  } catch (e) {
    return render(main, errorNotice(e), el('button', { class: 'btn btn-block', type: 'button', onclick: back }, '返回登记'));
  }
  render(main,
    el('h2', { class: 'section-title' }, '本站的活动'),
    page.items.length ? el('div', { class: 'cell-group', role: 'list' }, page.items.map(a =>
      el('div', { role: 'listitem' }, el('button', { class: 'cell', type: 'button', 'data-id': a.id,
        onclick: () => showDoor(main, title, a, back) },
        el('span', { class: 'title' }, a.title, el('span', { class: 'label' }, `${KINDS[a.kind] || a.kind} · ${formatDateTime(a.startsAt)}`)),
        el('span', { class: 'value' }, `${a.attended}/${a.confirmed}`)))))
      : el('p', { class: 'notice warn' }, '您负责的站点近期没有活动。'),
    el('button', { class: 'btn btn-quiet btn-block', type: 'button', onclick: back }, '返回到站登记'));
}

function showDoor(main, title, activity, back) {
  title.textContent = activity.title;
  const result = el('div', { id: 'door-result', 'aria-live': 'polite' });
  const counts = el('p', { class: 'center', id: 'door-counts' }, `已签到 ${activity.attended} / 已报名 ${activity.confirmed}`);
  const input = el('input', { id: 'door-code', name: 'code', autocomplete: 'off', maxlength: '200', 'aria-describedby': 'door-hint' });
  const scanArea = el('div', { hidden: true }, el('video', { playsinline: true, muted: true, 'aria-label': '摄像头画面' }));
  const take = async code => {
    if (!code) return;
    try {
      const done = await api.post(`/api/members/activities/${encodeURIComponent(activity.id)}/attendance`, { code });
      render(result, el('div', { class: 'notice ' + (done.already ? 'warn' : 'ok'), role: 'status' },
        `${done.already ? '已签到过' : '✓ 签到成功'}：${done.name}（${done.member ? '会员' : '非会员'} · ${workerTypeLabel(done.workerType)}）`));
      counts.textContent = `已签到 ${done.attended} / 已报名 ${done.confirmed}`;
      input.value = '';
    } catch (e) {
      render(result, errorNotice(e));
    }
  };
  const form = el('form', { class: 'card', novalidate: true },
    el('label', { class: 'field', for: 'door-code' }, el('span', {}, '报名码或会员卡号'), input,
      el('span', { class: 'hint', id: 'door-hint' }, '扫报名码或会员码，也可输入')),
    el('button', { class: 'btn btn-block btn-large', type: 'submit' }, '签到'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    take(input.value.trim());
  });
  render(main, counts, result,
    canScan() ? el('button', { class: 'btn btn-plain btn-block', type: 'button', onclick: async () => {
      const controller = new AbortController();
      scanArea.hidden = false;
      try {
        await take(await scanQr(scanArea.querySelector('video'), controller.signal));
      } finally {
        scanArea.hidden = true;
      }
    } }, '扫码签到') : null,
    scanArea, form,
    el('button', { class: 'btn btn-quiet btn-block', type: 'button', onclick: () => showActivityDoor(main, title, back) }, '选择其他活动'),
    el('button', { class: 'btn btn-quiet btn-block', type: 'button', onclick: back }, '返回到站登记'));
  input.focus();
}
