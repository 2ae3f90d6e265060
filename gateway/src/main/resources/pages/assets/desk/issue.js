// 办理发放: find a member in the officer's scope, see for every open program whether they qualify and why not, and
// issue aid. Each issue form keeps one Idempotency-Key from the moment it is shown until the server's answer is
// known: a double click, a retry after a lost answer or a reload reuse it, so the benefits service issues at most
// once; a new key is made only after a success or a definite refusal.
import { api } from '../api.js';
import { el, render, errorNotice, toast, beijingDay, formatDateTime, workerTypeLabel, uuid, WORKER_TYPES } from '../ui.js';
import { RULES, kindLabel, memberStatusLabel, genderLabel, yuan, toFen, programGauges } from './labels.js';
import { canScan, scanQr, visitorOf } from '../scanner.js';

const PENDING_KEY = 'union-desk-pending-issues';
/** Issue forms by "programId|memberId": { key, sentBody (JSON of the unconfirmed attempt) or null, busy }. */
const forms = new Map();
const view = { member: null, eligibility: null, grants: [], programs: [] };
let root = null;

/** The issue screen inside container. */
export async function showIssue(container) {
  root = container;
  restorePending();
  const query = el('input', { id: 'member-query', name: 'query', autocomplete: 'off', maxlength: '40',
    'aria-describedby': 'member-query-hint' });
  const searchForm = el('form', { class: 'card', role: 'search', 'aria-label': '查找会员' },
    el('h2', {}, '查找会员'),
    el('label', { class: 'field', for: 'member-query' }, el('span', {}, '会员卡号、手机号或姓名'), query,
      el('span', { class: 'hint', id: 'member-query-hint' },
        '卡号 16 位；手机号填全 11 位，或前 3 位、前 7 位、*后 4 位；姓名按开头匹配')),
    el('button', { class: 'btn btn-block', type: 'submit' }, '查找'));
  const results = el('div', { id: 'member-results', 'aria-live': 'polite' });
  const memberBox = el('section', { id: 'member', 'aria-label': '会员信息' });
  const programsBox = el('section', { id: 'programs', class: 'desk-programs', 'aria-labelledby': 'programs-title' });
  searchForm.addEventListener('submit', event => {
    event.preventDefault();
    search(query.value, results, memberBox, programsBox);
  });
  const scanArea = el('div', { class: 'scan-area', hidden: true },
    el('video', { id: 'camera', playsinline: true, muted: true, 'aria-label': '摄像头画面' }));
  if (canScan()) {
    searchForm.append(el('button', { class: 'btn btn-plain btn-block', type: 'button', id: 'scan',
      onclick: () => scan(scanArea, results, memberBox, programsBox) }, '扫会员码（摄像头）'), scanArea);
  }
  render(container, el('div', { class: 'desk-grid' },
    el('div', { class: 'desk-side' }, searchForm, results, memberBox), programsBox));
  await loadPrograms(programsBox);
  query.focus();
}

/** What the officer typed, as the member list's filter: a card number, a phone (whole or part) or a name. */
function filterOf(typed) {
  const text = typed.replace(/\s+/g, '');
  if (/^\d{16}$/.test(text)) return 'cardNumber=' + text;
  if (/^1\d{10}$/.test(text) || /^\d{3}$/.test(text) || /^\d{7}$/.test(text) || /^\*\d{4}$/.test(text)) {
    return 'phone=' + encodeURIComponent(text);
  }
  if (/^\d+$/.test(text)) return null;
  return text ? 'name=' + encodeURIComponent(typed.trim()) : null;
}

/**
 * The member shows their e-card's QR code to the desk's webcam. A card number is searched as typed; a QR token is
 * verified by the member service (in the officer's scope only) and its holder's card number searched.
 */
async function scan(area, results, memberBox, programsBox) {
  const controller = new AbortController();
  area.hidden = false;
  const stop = el('button', { class: 'btn btn-plain btn-block', type: 'button', onclick: () => controller.abort() }, '停止扫码');
  area.append(stop);
  render(results, el('p', { class: 'muted', role: 'status' }, '请会员把电子会员卡的二维码对准摄像头'));
  let text = null;
  try {
    text = await scanQr(area.querySelector('video'), controller.signal, 'user');
  } catch {
    render(results, el('p', { class: 'notice warn', role: 'alert' }, '无法打开摄像头，请输入卡号'));
  } finally {
    stop.remove();
    area.hidden = true;
  }
  if (!text) return;
  const visitor = visitorOf(text);
  if (visitor.cardNumber) return search(visitor.cardNumber, results, memberBox, programsBox);
  try {
    const holder = await api.post('/api/members/card-verifications', { qrToken: visitor.qrToken });
    await search(holder.cardNumber, results, memberBox, programsBox);
  } catch (e) {
    render(results, e.status === 404
      ? el('p', { class: 'notice warn', role: 'alert' }, '二维码无效或已过期（会员卡上的二维码每分钟更新），或会员不在您负责的工会里')
      : errorNotice(e));
  }
}

async function search(typed, results, memberBox, programsBox) {
  const filter = filterOf(typed);
  if (!filter) return render(results, el('p', { class: 'notice warn', role: 'alert' }, '请输入 16 位卡号、手机号或姓名'));
  render(results, el('p', { class: 'muted' }, '正在查找……'));
  try {
    const page = await api.get('/api/members?size=20&' + filter);
    const found = page.items || [];
    if (found.length === 1) {
      render(results);
      return choose(found[0], memberBox, programsBox);
    }
    if (!found.length) return render(results, el('p', { class: 'notice warn' }, '在您负责的工会里没有找到这位会员'));
    render(results, el('div', { class: 'cell-group', role: 'list', 'aria-label': '查找结果' }, found.map(m =>
      el('div', { role: 'listitem' }, el('button', { type: 'button', class: 'cell', onclick: () => choose(m, memberBox, programsBox) },
        el('span', { class: 'title' }, m.name, el('span', { class: 'label' }, '卡号 ' + (m.cardNumber || '—') + ' · ' + phoneOf(m))),
        el('span', { class: 'value' }, workerTypeLabel(m.workerType)))))));
  } catch (e) {
    render(results, errorNotice(e));
  }
}

const phoneOf = m => (typeof m.phone === 'string' ? m.phone : (m.phone && m.phone.masked)) || '';

async function choose(summary, memberBox, programsBox) {
  render(memberBox, el('p', { class: 'muted' }, '正在读取会员信息……'));
  try {
    const [eligibility, grants] = await Promise.all([
      api.get('/api/members/' + encodeURIComponent(summary.id) + '/eligibility'),
      api.get('/api/benefits/grants?size=200&memberId=' + encodeURIComponent(summary.id)),
    ]);
    Object.assign(view, { member: summary, eligibility, grants: grants.items || [] });
  } catch (e) {
    return render(memberBox, errorNotice(e));
  }
  const m = view.member;
  const e = view.eligibility;
  render(memberBox, el('div', { class: 'card member-card' },
    el('h2', {}, m.name),
    el('dl', { class: 'facts' },
      el('dt', {}, '卡号'), el('dd', { id: 'member-card-number' }, m.cardNumber || '—'),
      el('dt', {}, '手机'), el('dd', {}, phoneOf(m)),
      el('dt', {}, '职业'), el('dd', {}, workerTypeLabel(e.workerType)),
      el('dt', {}, '性别'), el('dd', {}, genderLabel(e.gender)),
      el('dt', {}, '状态'), el('dd', {}, memberStatusLabel(e.status)),
      el('dt', {}, '入会'), el('dd', {}, e.joinedOn || '—'),
      el('dt', {}, '困难职工'), el('dd', { id: 'member-hardship' }, e.hardship ? '是' : (e.hardshipNote || '否')),
      el('dt', {}, '已领取'), el('dd', {}, view.grants.filter(g => g.status === 'GRANTED').length + ' 次'))));
  renderPrograms(programsBox);
}

async function loadPrograms(programsBox) {
  render(programsBox, el('p', { class: 'muted' }, '正在读取开放中的项目……'));
  try {
    const page = await api.get('/api/benefits/programs?status=OPEN&size=200');
    view.programs = page.items || [];
  } catch (e) {
    return render(programsBox, errorNotice(e));
  }
  renderPrograms(programsBox);
}

function renderPrograms(programsBox) {
  const title = el('h2', { id: 'programs-title', class: 'section-title' },
    view.member ? '开放中的项目：' + view.member.name + ' 能否领取' : '开放中的项目（先查找会员）');
  if (!view.programs.length) return render(programsBox, title, el('p', { class: 'notice warn' }, '您负责的范围内没有开放中的项目'));
  render(programsBox, title, view.programs.map(programCard));
}

function programCard(program) {
  const what = [];
  if (program.amountPerGrantFen) what.push('每次 ' + yuan(program.amountPerGrantFen));
  if (program.stockTotal != null) what.push('每次 ' + (program.itemsPerGrant || 1) + ' ' + (program.itemName || '件'));
  const card = el('article', { class: 'card program', 'data-program': program.id, 'aria-label': program.name },
    el('header', { class: 'program-head' },
      el('h3', {}, program.name), el('span', { class: 'tag wait' }, kindLabel(program))),
    el('p', { class: 'muted' }, program.startsOn + ' 至 ' + program.endsOn + (what.length ? ' · ' + what.join('，') : '')),
    programGauges(program));
  if (view.member) card.append(issuePart(program));
  if (program.audience === 'ALL_WORKERS') card.append(workerPart(program));
  return card;
}

/**
 * 非会员发放: a program open to all workers also reaches a worker who is not a member (name, phone, worker type),
 * once per person per program, with one Idempotency-Key per form like the member form.
 */
function workerPart(program) {
  const id = program.id + '|worker';
  const sent = formState(id).sentBody ? JSON.parse(formState(id).sentBody) : null;
  const field = (label, input) => el('label', { class: 'field', for: input.id }, el('span', {}, label), input);
  const name = el('input', { name: 'name', id: 'worker-name-' + program.id, autocomplete: 'off', maxlength: '40',
    value: sent ? sent.name : null });
  const phone = el('input', { name: 'phone', id: 'worker-phone-' + program.id, inputmode: 'tel', autocomplete: 'off',
    maxlength: '16', value: sent ? sent.phone : null });
  const type = el('select', { name: 'workerType', id: 'worker-type-' + program.id },
    WORKER_TYPES.map(([code, label]) => el('option', { value: code, selected: sent && sent.workerType === code }, label)));
  const button = el('button', { class: 'btn', type: 'submit' }, sent ? '重试发放' : '发放给非会员');
  const outcome = el('div', { class: 'issue-outcome', 'aria-live': 'polite' });
  const htmlForm = el('form', { class: 'issue-form worker-issue', novalidate: true, 'aria-label': '非会员发放 ' + program.name },
    field('姓名', name), field('手机号', phone), field('职业', type), button);
  if (sent) {
    lock(htmlForm, true);
    render(outcome, uncertainNotice());
  }
  htmlForm.addEventListener('submit', event => {
    event.preventDefault();
    const form = formState(id);
    const body = form.sentBody ? JSON.parse(form.sentBody)
      : { name: name.value.trim(), phone: phone.value.replace(/[\s-]/g, ''), workerType: type.value };
    if (!body.name || !/^1\d{10}$/.test(body.phone)) {
      return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写姓名和 11 位手机号'));
    }
    send(program, id, body, '/worker-grants', htmlForm, button, outcome, grant => '已发放给非会员 ' + grant.workerName);
  });
  return el('details', { class: 'issue worker-part', open: !!sent },
    el('summary', {}, '非会员发放（本项目面向所有新就业形态劳动者）'), htmlForm, outcome);
}

/** Why the member cannot receive from this program, as far as the desk can tell; null when they can. */
function whyNot(program) {
  const e = view.eligibility;
  const rules = program.eligibility || {};
  const today = beijingDay(Date.now());
  if (!e.orgPath || !e.orgPath.startsWith(program.orgPath)) return RULES['program-coverage'];
  if (today < program.startsOn || today > program.endsOn) return RULES['program-period'];
  const statuses = rules.statuses && rules.statuses.length ? rules.statuses : ['ACTIVE'];
  if (!statuses.includes(e.status)) return '会员状态为“' + memberStatusLabel(e.status) + '”，项目只面向' + statuses.map(memberStatusLabel).join('、') + '会员';
  if (rules.workerTypes && rules.workerTypes.length && !rules.workerTypes.includes(e.workerType)) {
    return '项目只面向' + rules.workerTypes.map(workerTypeLabel).join('、') + '，会员是' + workerTypeLabel(e.workerType);
  }
  if (rules.genders && rules.genders.length && !rules.genders.includes(e.gender)) return '项目只面向' + rules.genders.map(genderLabel).join('、') + '性会员';
  if (rules.minMembershipDays > 0) {
    const days = e.joinedOn ? Math.floor((Date.parse(today) - Date.parse(e.joinedOn)) / 86400000) : -1;
    if (days < rules.minMembershipDays) return '需入会满 ' + rules.minMembershipDays + ' 天，会员入会 ' + Math.max(days, 0) + ' 天';
  }
  if (rules.hardshipRequired && !e.hardship) return e.hardshipNote || RULES.hardship;
  const limit = program.memberLimit || { count: 1, per: 'WHOLE' };
  const taken = view.grants.filter(g => g.programId === program.id && g.status === 'GRANTED').length;
  if (limit.per === 'WHOLE' && taken >= limit.count) return '已在本项目领取 ' + taken + ' 次，达到上限';
  if (program.amountPerGrantFen && program.availableFen < program.amountPerGrantFen) return '预算已用完';
  if (program.stockTotal != null && program.stockAvailable < (program.itemsPerGrant || 1)) return '库存已发完';
  return null;
}

function issuePart(program) {
  const reason = whyNot(program);
  if (reason) {
    return el('p', { class: 'verdict bad', 'data-eligible': 'false' }, '✗ 不能领取：' + reason);
  }
  const id = program.id + '|' + view.member.id;
  const form = formState(id);
  const sent = form.sentBody ? JSON.parse(form.sentBody) : null;
  const outcome = el('div', { class: 'issue-outcome', 'aria-live': 'polite' });
  const amount = program.amountPerGrantFen ? el('input', { name: 'amount', inputmode: 'decimal', autocomplete: 'off',
    id: 'amount-' + program.id, placeholder: (program.amountPerGrantFen / 100).toFixed(2), maxlength: '12',
    value: sent && sent.amountFen ? (sent.amountFen / 100).toFixed(2) : null }) : null;
  const note = el('input', { name: 'note', id: 'note-' + program.id, autocomplete: 'off', maxlength: '200',
    value: sent ? sent.note : null });
  const button = el('button', { class: 'btn', type: 'submit' }, sent ? '重试发放' : '发放');
  const htmlForm = el('form', { class: 'issue-form', novalidate: true, 'aria-label': '发放 ' + program.name },
    amount ? el('label', { class: 'field', for: amount.id }, el('span', {}, '金额（元，可少于标准）'), amount) : null,
    el('label', { class: 'field', for: note.id }, el('span', {}, '备注'), note),
    button);
  if (sent) {
    lock(htmlForm, true);
    render(outcome, uncertainNotice());
  }
  htmlForm.addEventListener('submit', event => {
    event.preventDefault();
    issue(program, id, htmlForm, button, outcome);
  });
  return el('div', { class: 'issue' }, el('p', { class: 'verdict ok', 'data-eligible': 'true' }, '✓ 可以领取'), htmlForm, outcome);
}

async function issue(program, id, htmlForm, button, outcome) {
  const form = formState(id);
  if (form.busy) return;
  let body;
  if (form.sentBody) {
    body = JSON.parse(form.sentBody);
  } else {
    body = { memberId: view.member.id };
    const typed = htmlForm.amount ? htmlForm.amount.value.trim() : '';
    if (typed) {
      const fen = toFen(typed);
      if (fen === null || fen <= 0 || fen > program.amountPerGrantFen) {
        return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '金额请填 0.01 到 ' + (program.amountPerGrantFen / 100).toFixed(2) + ' 元'));
      }
      body.amountFen = fen;
    }
    if (htmlForm.note.value.trim()) body.note = htmlForm.note.value.trim();
  }
  return send(program, id, body, '/grants', htmlForm, button, outcome, () => '已发放给 ' + view.member.name,
    grant => { view.grants = [grant, ...view.grants.filter(g => g.id !== grant.id)]; });
}

/** Sends one issue form's body under the form's Idempotency-Key and shows the outcome. */
async function send(program, id, body, path, htmlForm, button, outcome, done, onGranted = () => {}) {
  const form = formState(id);
  if (form.busy) return;
  form.busy = true;
  form.sentBody = JSON.stringify(body);
  button.disabled = true;
  lock(htmlForm, true);
  render(outcome, el('p', { class: 'muted' }, '正在发放……'));
  try {
    const grant = await api.post('/api/benefits/programs/' + encodeURIComponent(program.id) + path, body,
      { headers: { 'Idempotency-Key': form.key } });
    forms.set(id, fresh());
    savePending();
    onGranted(grant);
    await refreshProgram(program.id, outcome);
    toast(done(grant));
    render(outcome, el('p', { class: 'notice ok', role: 'status', 'data-grant': grant.id },
      '✓ 已发放 ' + (grant.amountFen ? yuan(grant.amountFen) : '') + (grant.items ? ' ' + grant.items + ' ' + (grant.itemName || '件') : '')
      + '，' + formatDateTime(grant.grantedAt) + '，发放编号 ' + grant.id));
  } catch (e) {
    if (uncertain(e)) {
      savePending();
      render(outcome, errorNotice(e), uncertainNotice());
      button.textContent = '重试发放';
    } else {
      forms.set(id, fresh());
      savePending();
      lock(htmlForm, false);
      button.textContent = path === '/grants' ? '发放' : '发放给非会员';
      render(outcome, errorNotice(e));
    }
  } finally {
    form.busy = false;
    button.disabled = false;
  }
}

/** Whether the request may have been carried out: then only the same key may be sent again. */
function uncertain(e) {
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500
    || (e.status === 409 && e.rule === 'idempotency-key-in-progress');
}

const uncertainNotice = () => el('p', { class: 'notice warn', 'data-uncertain': 'true' },
  '还不能确定是否已发放。请点“重试发放”：同一张表单只会发放一次，不会重复。');

function lock(htmlForm, locked) {
  htmlForm.querySelectorAll('input').forEach(input => { input.readOnly = locked; });
}

async function refreshProgram(programId, outcome) {
  try {
    const fresh = await api.get('/api/benefits/programs/' + encodeURIComponent(programId));
    view.programs = view.programs.map(p => (p.id === programId ? fresh : p));
  } catch {
    // The grant stands; the gauge catches up on the next load.
  }
  const box = root && root.querySelector('#programs');
  const old = box && box.querySelector('[data-program="' + CSS.escape(programId) + '"]');
  if (old) {
    const replacement = programCard(view.programs.find(p => p.id === programId));
    if (outcome) replacement.append(outcome);
    old.replaceWith(replacement);
  }
}

const fresh = () => ({ key: uuid(), sentBody: null, busy: false });

function formState(id) {
  if (!forms.has(id)) forms.set(id, fresh());
  return forms.get(id);
}

/** Unconfirmed attempts outlive a reload (this tab only), so the officer retries with the same key. */
function savePending() {
  const pending = {};
  forms.forEach((form, id) => { if (form.sentBody) pending[id] = { key: form.key, sentBody: form.sentBody }; });
  try { sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending)); } catch { /* private mode: memory only */ }
}

function restorePending() {
  let pending = {};
  try { pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || '{}'); } catch { pending = {}; }
  Object.entries(pending).forEach(([id, form]) => {
    if (!forms.has(id)) forms.set(id, { key: form.key, sentBody: form.sentBody, busy: false });
  });
}
