// 困难建档: the hardship register of the officer's scope. Register a member found by card number (reason, evidence,
// who checked it, the review date), review a registration (a new review date) or end it, and list registrations
// with the due reviews first. A registration not reviewed by its date lapses (the member is then refused hardship
// grants, with the reason); lapsed and ended ones are listed apart.
import { api } from '../api.js';
import { el, render, errorNotice, toast, beijingDay } from '../ui.js';

const REASONS = [['ILLNESS', '因病'], ['INJURY', '因伤'], ['FAMILY', '家庭困难'], ['OTHER', '其他']];
const STATUSES = [['REGISTERED', '在册'], ['LAPSED', '已失效'], ['ENDED', '已终止']];
const reasonLabel = code => (REASONS.find(([c]) => c === code) || [code, code || '—'])[1];
const statusLabel = code => (STATUSES.find(([c]) => c === code) || [code, '未建档'])[1];
const DAY_MS = 86400000;
/** The day n days from today (Asia/Shanghai), as yyyy-mm-dd. */
const dayFromToday = n => beijingDay(Date.now() + n * DAY_MS);

export async function showHardship(container, params = {}) {
  const status = STATUSES.some(([c]) => c === params.status) ? params.status : 'REGISTERED';
  const registerBox = el('section', { class: 'card', 'aria-labelledby': 'hardship-register-title' },
    el('h2', { id: 'hardship-register-title' }, '困难职工建档'), findForm());
  const listBox = el('section', { class: 'card hardship-list', 'aria-labelledby': 'hardship-list-title' });
  render(container, el('div', { class: 'desk-grid' }, el('div', { class: 'desk-side' }, registerBox), listBox));
  await showList(listBox, status);

  function findForm() {
    const card = el('input', { id: 'hardship-card', name: 'cardNumber', inputmode: 'numeric', autocomplete: 'off',
      maxlength: '16', 'aria-describedby': 'hardship-card-hint' });
    const found = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'hardship-find', role: 'search', 'aria-label': '按卡号查找会员' },
      el('label', { class: 'field', for: 'hardship-card' }, el('span', {}, '会员卡号'), card,
        el('span', { class: 'hint', id: 'hardship-card-hint' }, '16 位卡号，只能查到您负责范围内的会员')),
      el('button', { class: 'btn btn-block', type: 'submit' }, '查找'), found);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const number = card.value.replace(/\s+/g, '');
      if (!/^\d{16}$/.test(number)) return render(found, el('p', { class: 'notice bad', role: 'alert' }, '请输入 16 位卡号'));
      try {
        const page = await api.get('/api/members?size=1&cardNumber=' + number);
        const member = (page.items || [])[0];
        if (!member) return render(found, el('p', { class: 'notice warn' }, '在您负责的工会里没有这张卡号'));
        const file = await api.get('/api/members/' + encodeURIComponent(member.id) + '/hardship');
        render(found, memberFile(file));
      } catch (e) {
        render(found, errorNotice(e));
      }
    });
    return form;
  }

  /** The member's file: the registration form when there is none in force, else the review and end forms. */
  function memberFile(file) {
    const head = el('dl', { class: 'facts' },
      el('dt', {}, '会员'), el('dd', { id: 'hardship-member' }, file.name),
      el('dt', {}, '工会'), el('dd', {}, file.organizationName || '—'),
      el('dt', {}, '建档状态'), el('dd', { id: 'hardship-status' }, statusLabel(file.status)),
      file.whyNot && file.status !== 'NONE' ? [el('dt', {}, '说明'), el('dd', {}, file.whyNot)] : null,
      file.reviewOn ? [el('dt', {}, '复核日期'), el('dd', {}, file.reviewOn)] : null);
    if (file.status === 'REGISTERED') return el('div', {}, head, reviewForm(file));
    return el('div', {}, head, registrationForm(file));
  }

  function registrationForm(file) {
    const reason = el('select', { id: 'hardship-reason', name: 'reason', required: true },
      REASONS.map(([code, label]) => el('option', { value: code }, label)));
    const evidence = el('textarea', { id: 'hardship-evidence', name: 'evidence', maxlength: '1000', rows: '3', required: true });
    const checkedBy = el('input', { id: 'hardship-checked-by', name: 'checkedBy', maxlength: '50', autocomplete: 'off', required: true });
    const reviewOn = el('input', { id: 'hardship-review-on', name: 'reviewOn', type: 'date', required: true,
      min: dayFromToday(1), value: dayFromToday(180) });
    const outcome = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'hardship-form', novalidate: true },
      el('label', { class: 'field', for: 'hardship-reason' }, el('span', {}, '困难原因'), reason),
      el('label', { class: 'field', for: 'hardship-evidence' }, el('span', {}, '核实材料'), evidence,
        el('span', { class: 'hint' }, '写明看过的证明，如诊断证明、事故认定书、社区证明')),
      el('label', { class: 'field', for: 'hardship-checked-by' }, el('span', {}, '核实人'), checkedBy),
      el('label', { class: 'field', for: 'hardship-review-on' }, el('span', {}, '复核日期'), reviewOn,
        el('span', { class: 'hint' }, '到期未复核自动失效，最长两年')),
      outcome, el('button', { class: 'btn btn-block', type: 'submit' }, '登记为困难职工'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!evidence.value.trim() || !checkedBy.value.trim() || !reviewOn.value) {
        return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写核实材料、核实人和复核日期'));
      }
      send(form, outcome, '/api/members/' + encodeURIComponent(file.memberId) + '/hardship',
        { reason: reason.value, evidence: evidence.value.trim(), checkedBy: checkedBy.value.trim(), reviewOn: reviewOn.value },
        '已登记为困难职工');
    });
    return form;
  }

  function reviewForm(file) {
    const reviewOn = el('input', { id: 'hardship-next-review', name: 'reviewOn', type: 'date', min: dayFromToday(1),
      value: dayFromToday(180) });
    const note = el('input', { id: 'hardship-review-note', name: 'note', maxlength: '1000', autocomplete: 'off' });
    const outcome = el('div', { 'aria-live': 'polite' });
    const path = '/api/members/' + encodeURIComponent(file.memberId) + '/hardship';
    const form = el('form', { class: 'hardship-form', novalidate: true },
      el('label', { class: 'field', for: 'hardship-review-note' }, el('span', {}, '复核情况'), note),
      el('label', { class: 'field', for: 'hardship-next-review' }, el('span', {}, '下次复核日期'), reviewOn),
      outcome,
      el('div', { class: 'row-buttons' },
        el('button', { class: 'btn', type: 'submit' }, '复核，仍属困难'),
        el('button', { class: 'btn btn-plain', type: 'button', onclick: () => {
          if (!note.value.trim()) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写复核情况'));
          send(form, outcome, path + '/end', { note: note.value.trim() }, '已终止困难建档');
        } }, '复核，不再困难')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!note.value.trim() || !reviewOn.value) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写复核情况和下次复核日期'));
      send(form, outcome, path + '/review', { reviewOn: reviewOn.value, note: note.value.trim() }, '已复核');
    });
    return form;
  }

  async function send(form, outcome, path, body, done) {
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const file = await api.post(path, body);
      toast(done);
      render(form.parentElement, memberFile(file));
      await showList(listBox, status);
    } catch (e) {
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
      render(outcome, errorNotice(e));
    }
  }
}

async function showList(box, status, page = 0) {
  render(box, el('p', { class: 'muted' }, '正在读取困难职工名册……'));
  let files;
  try {
    files = await api.get('/api/members/hardship?status=' + status + '&size=20&page=' + page);
  } catch (e) {
    return render(box, errorNotice(e));
  }
  const items = files.items || [];
  const filter = el('div', { class: 'row-buttons', role: 'group', 'aria-label': '建档状态' },
    STATUSES.map(([code, label]) => el('button', { type: 'button', class: 'btn btn-small ' + (code === status ? '' : 'btn-plain'),
      'aria-pressed': String(code === status), onclick: () => showList(box, code) }, label)));
  render(box, el('h2', { id: 'hardship-list-title' }, '困难职工名册（' + statusLabel(status) + ' ' + (files.totalItems || 0) + ' 人）'),
    filter,
    items.length ? el('table', { class: 'desk-table', 'data-list': 'hardship' },
      el('caption', { class: 'visually-hidden' }, '按复核日期排列，先到期的在前'),
      el('thead', {}, el('tr', {}, ['会员', '卡号', '工会', '原因', '核实人', '复核日期', '状态'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, items.map(row))) : el('p', { class: 'muted' }, '没有' + statusLabel(status) + '的困难职工'),
    pager(files, next => showList(box, status, next)));
}

function row(file) {
  const days = file.daysToReview;
  const due = file.status === 'REGISTERED' && days != null && days <= 30;
  return el('tr', { 'data-member': file.memberId },
    el('td', {}, file.name),
    el('td', {}, file.cardNumber),
    el('td', {}, file.organizationName || '—'),
    el('td', {}, reasonLabel(file.reason)),
    el('td', {}, file.checkedBy || '—'),
    el('td', {}, file.reviewOn || '—', file.status === 'REGISTERED' && days != null
      ? el('span', { class: 'hint' }, days >= 0 ? '还有 ' + days + ' 天' : '已过期') : null),
    el('td', {}, el('span', { class: 'tag ' + (file.status === 'REGISTERED' ? (due ? 'wait' : 'ok') : 'bad') },
      due ? '待复核' : statusLabel(file.status))));
}

function pager(page, go) {
  if (!page.totalPages || page.totalPages <= 1) return null;
  return el('nav', { class: 'row-buttons', 'aria-label': '翻页' },
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page <= 0, onclick: () => go(page.page - 1) }, '上一页'),
    el('span', {}, '第 ' + (page.page + 1) + ' / ' + page.totalPages + ' 页'),
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page + 1 >= page.totalPages, onclick: () => go(page.page + 1) }, '下一页'));
}
