// 维权求助: the help cases of the organizer's subtree (or those escalated to a federation in it), and one case with
// its steps, meetings, the worker's additions and files, the internal notes (never shown to the worker) and the
// forms for the next step. The address keeps the filters and the case: #cases?status=FILED, #cases?case=WQ...
import { api, request, registerMessages } from '../api.js';
import { el, errorNotice, formatDateTime, render, workerTypeLabel } from '../ui.js';
import { go } from '../staff.js';

const STATUS = { FILED: '待受理', ACCEPTED: '已受理', INVESTIGATING: '调查中', MEDIATION: '调解中', CLOSED: '已办结' };
const OUTCOME = { RESOLVED: '已解决', REFERRED_TO_ARBITRATION_OR_COURT: '转劳动仲裁或诉讼', WITHDRAWN: '撤回' };
const STEP = {
  FILED: '职工提交求助', ACCEPTED: '受理', INVESTIGATING: '开始调查', MEDIATION: '进入调解',
  'CLOSED:RESOLVED': '办结：已解决', 'CLOSED:REFERRED_TO_ARBITRATION_OR_COURT': '办结：转劳动仲裁或诉讼',
  'CLOSED:WITHDRAWN': '办结：撤回', ESCALATED: '超期，提请上级督办', REFERRED_TO_LEGAL_AID: '转法律援助',
  INFORMATION_ADDED: '职工补充情况',
};

registerMessages({
  'meeting-in-future': '会谈时间不能晚于现在', 'mediation-without-meeting': '请先记录调解会谈，再以“已解决”办结',
  'amount-needs-resolution': '撤回的求助不能填写挽回金额',
});

export async function showCases(main, params) {
  if (params.case) return showCase(main, params.case, params);
  const query = new URLSearchParams({ size: '100' });
  if (params.status) query.set('status', params.status);
  if (params.escalated === 'true') query.set('escalated', 'true');
  const page = await api.get('/api/members/help/cases?' + query);
  const status = el('select', { id: 'case-status', onchange: () => go('cases', { ...params, status: status.value }) },
    el('option', { value: '' }, '全部状态'),
    ...Object.entries(STATUS).map(([code, label]) => el('option', { value: code, selected: params.status === code }, label)));
  const escalated = el('input', { type: 'checkbox', id: 'case-escalated', checked: params.escalated === 'true',
    onchange: () => go('cases', { ...params, escalated: escalated.checked ? 'true' : '' }) });
  const rows = page.items || [];
  render(main, el('section', { class: 'card', 'aria-labelledby': 'cases-title' },
    el('h2', { id: 'cases-title' }, '维权求助'),
    el('div', { class: 'row-buttons case-filters' },
      el('label', { for: 'case-status' }, '状态'), status,
      el('label', { class: 'check' }, escalated, '只看提请本级督办的')),
    rows.length ? el('table', { class: 'desk-table', 'data-table': 'cases' },
      el('caption', {}, `共 ${page.totalItems ?? rows.length} 件`),
      el('thead', {}, el('tr', {}, ...['编号', '问题', '公司或平台', '负责工会', '状态', '提交时间', '本步期限', '']
        .map(heading => el('th', { scope: 'col' }, heading)))),
      el('tbody', {}, rows.map(c => el('tr', { 'data-key': c.id },
        el('td', {}, c.id),
        el('td', {}, c.kindLabel),
        el('td', {}, c.company),
        el('td', {}, c.organizationName),
        el('td', { 'data-field': 'status' }, c.status === 'CLOSED' ? OUTCOME[c.outcome] || '已办结' : STATUS[c.status]),
        el('td', {}, formatDateTime(c.openedAt)),
        el('td', {}, c.dueAt ? formatDateTime(c.dueAt) : '—',
          c.overdue ? el('span', { class: 'overdue' }, ' 已超期') : null,
          c.escalation ? el('span', { class: 'overdue' }, ` 已提请${c.escalation.organizationName}督办`) : null),
        el('td', {}, el('button', { type: 'button', class: 'btn btn-small btn-plain',
          onclick: () => go('cases', { ...params, case: c.id }) }, '办理', el('span', { class: 'visually-hidden' }, c.id)))))))
      : el('p', { class: 'muted' }, '没有符合条件的求助')));
}

async function showCase(main, id, params) {
  const c = await api.get('/api/members/help/cases/' + encodeURIComponent(id));
  const message = el('div', { 'aria-live': 'polite' });
  const act = async (path, body) => {
    try {
      await api.post(`/api/members/help/cases/${encodeURIComponent(id)}/${path}`, body);
      await showCase(main, id, params);
    } catch (error) {
      render(message, errorNotice(error));
    }
  };
  const phone = el('dd', { 'data-field': 'phone' }, c.contactPhone || '—', ' ',
    el('button', { type: 'button', class: 'btn btn-small btn-quiet', onclick: async () => {
      try {
        const full = await api.get(`/api/members/help/cases/${encodeURIComponent(id)}/contact`);
        render(phone, full.phone);
      } catch (error) {
        render(message, errorNotice(error));
      }
    } }, '显示完整号码'));
  render(main, el('div', { class: 'case-detail' },
    el('p', {}, el('button', { type: 'button', class: 'btn btn-small btn-plain',
      onclick: () => go('cases', { status: params.status, escalated: params.escalated }) }, '‹ 返回列表')),
    message,
    el('section', { class: 'card', 'aria-labelledby': 'case-title' },
      el('h2', { id: 'case-title' }, `${c.kindLabel} · ${c.company}`),
      el('dl', { class: 'facts case-facts' },
        el('dt', {}, '编号'), el('dd', {}, c.id),
        el('dt', {}, '状态'), el('dd', { 'data-field': 'status' },
          c.status === 'CLOSED' ? `已办结：${OUTCOME[c.outcome]}` : STATUS[c.status],
          c.overdue ? el('span', { class: 'overdue' }, ' 已超期') : null),
        el('dt', {}, '本步期限'), el('dd', {}, c.dueAt ? formatDateTime(c.dueAt) : '—'),
        c.escalation ? el('dt', {}, '督办') : null,
        c.escalation ? el('dd', { 'data-field': 'escalation' }, `已提请${c.escalation.organizationName}督办（${formatDateTime(c.escalation.at)}）`) : null,
        el('dt', {}, '负责工会'), el('dd', {}, c.organizationName, c.dispatchReason ? `（${c.dispatchReason}）` : ''),
        c.referral ? el('dt', {}, '法律援助') : null,
        c.referral ? el('dd', {}, `${c.referral.organizationName}：${c.referral.reason}`) : null,
        el('dt', {}, '平台'), el('dd', {}, c.platform || '—'),
        el('dt', {}, '职业'), el('dd', {}, c.workerType ? workerTypeLabel(c.workerType) : '—'),
        el('dt', {}, '是否会员'), el('dd', {}, c.memberId ? '是' : '否'),
        el('dt', {}, '称呼'), el('dd', {}, c.contactName || '—'),
        el('dt', {}, '电话'), phone,
        el('dt', {}, '联系方式'), el('dd', {}, c.howToReach || '—'),
        el('dt', {}, '发生了什么'), el('dd', { class: 'case-text' }, c.description),
        c.amountRecoveredFen > 0 ? el('dt', {}, '挽回金额') : null,
        c.amountRecoveredFen > 0 ? el('dd', {}, `${(c.amountRecoveredFen / 100).toFixed(2)} 元`) : null)),
    el('div', { class: 'case-columns' },
      el('section', { class: 'card', 'aria-labelledby': 'steps-title' },
        el('h3', { id: 'steps-title' }, '办理步骤'),
        el('ol', { class: 'case-steps' }, c.steps.map(step => el('li', { 'data-step': step.what },
          el('strong', {}, STEP[step.what] || step.what), ` ${formatDateTime(step.at)}`,
          step.by && step.by !== 'WORKER' ? ` · ${step.by}` : '', step.note ? el('div', {}, step.note) : null))),
        c.meetings.length ? el('h3', {}, '调解会谈') : null,
        c.meetings.length ? el('ul', {}, c.meetings.map(m => el('li', { 'data-meeting': m.id },
          `${formatDateTime(m.heldAt)} 与${m.counterparty}：${m.outcome}`))) : null,
        c.additions.length ? el('h3', {}, '职工补充') : null,
        c.additions.length ? el('ul', {}, c.additions.map(a => el('li', {}, `${formatDateTime(a.at)} ${a.text}`))) : null,
        c.attachments.length ? el('h3', {}, '照片和材料') : null,
        c.attachments.length ? el('ul', { class: 'case-files' }, c.attachments.map(a => attachmentItem(id, a, message))) : null),
      el('section', { class: 'card', 'aria-labelledby': 'actions-title' },
        el('h3', { id: 'actions-title' }, '办理'),
        ...actions(c, act),
        el('h3', {}, '内部备注（职工看不到）'),
        c.notes.length ? el('ul', { 'data-list': 'notes' }, c.notes.map(n => el('li', {}, `${formatDateTime(n.at)} ${n.by}：${n.text}`)))
          : el('p', { class: 'muted' }, '暂无备注'),
        textForm('note', '添加备注', '添加备注', text => act('notes', { text }))))));
}

function attachmentItem(caseId, attachment, message) {
  const holder = el('div');
  return el('li', { 'data-attachment': attachment.id }, `${attachment.fileName}（${Math.max(1, Math.round(attachment.size / 1024))} KB）`, ' ',
    el('button', { type: 'button', class: 'btn btn-small btn-quiet', onclick: async () => {
      try {
        const blob = await (await request('GET', `/api/members/help/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id)}`,
          undefined, { as: 'response', headers: { Accept: '*/*' } })).blob();
        const url = URL.createObjectURL(blob);
        render(holder, attachment.contentType.startsWith('image/')
          ? el('img', { src: url, alt: attachment.fileName, class: 'case-photo' })
          : el('a', { href: url, download: attachment.fileName }, '下载 ' + attachment.fileName));
      } catch (error) {
        render(message, errorNotice(error));
      }
    } }, '查看'), holder);
}

/** The forms for what may come next at this step. */
function actions(c, act) {
  if (c.status === 'CLOSED') return [el('p', { class: 'muted' }, '已办结')];
  const forms = [];
  if (c.status === 'FILED') forms.push(el('button', { type: 'button', class: 'btn', id: 'accept', onclick: () => act('acceptance') }, '受理'));
  if (c.status === 'ACCEPTED') forms.push(textForm('investigation', '调查安排（可不填）', '开始调查', note => act('investigation', { note }), true));
  if (c.status === 'INVESTIGATING') forms.push(textForm('mediation', '调查结论（可不填）', '进入调解', note => act('mediation', { note }), true));
  if (c.status === 'MEDIATION') forms.push(meetingForm(act));
  if (c.status === 'INVESTIGATING' || c.status === 'MEDIATION') forms.push(closingForm(act));
  if (!c.referral) forms.push(textForm('referral', '转法律援助的理由', '转区县总工会法律援助', reason => act('referral', { reason })));
  return forms;
}

function textForm(name, label, button, submit, optional = false) {
  const input = el('textarea', { id: `${name}-text`, rows: '2', maxlength: '2000' });
  const form = el('form', { class: 'case-form', 'data-form': name, novalidate: true },
    el('label', { class: 'field' }, el('span', {}, label), input),
    el('button', { type: 'submit', class: 'btn btn-small' }, button));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!optional && !input.value.trim()) return input.focus();
    submit(input.value.trim() || null);
  });
  return form;
}

function meetingForm(act) {
  const heldAt = el('input', { type: 'datetime-local', id: 'meeting-at', required: true });
  const counterparty = el('input', { id: 'meeting-with', maxlength: '200', required: true });
  const outcome = el('textarea', { id: 'meeting-outcome', rows: '2', maxlength: '2000', required: true });
  const form = el('form', { class: 'case-form', 'data-form': 'meeting', novalidate: true },
    el('h4', {}, '记录调解会谈'),
    el('label', { class: 'field' }, el('span', {}, '会谈时间（北京时间）'), heldAt),
    el('label', { class: 'field' }, el('span', {}, '会谈对象（公司或平台）'), counterparty),
    el('label', { class: 'field' }, el('span', {}, '会谈结果'), outcome),
    el('button', { type: 'submit', class: 'btn btn-small' }, '记录会谈'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!heldAt.value || !counterparty.value.trim() || !outcome.value.trim()) return;
    act('meetings', { heldAt: new Date(heldAt.value + ':00+08:00').toISOString(), counterparty: counterparty.value.trim(),
      outcome: outcome.value.trim() });
  });
  return form;
}

function closingForm(act) {
  const outcome = el('select', { id: 'closing-outcome' },
    ...Object.entries(OUTCOME).map(([code, label]) => el('option', { value: code }, label)));
  const amount = el('input', { id: 'closing-amount', inputmode: 'decimal', value: '0' });
  const summary = el('textarea', { id: 'closing-summary', rows: '2', maxlength: '2000' });
  const form = el('form', { class: 'case-form', 'data-form': 'closing', novalidate: true },
    el('h4', {}, '办结'),
    el('label', { class: 'field' }, el('span', {}, '结果'), outcome),
    el('label', { class: 'field' }, el('span', {}, '挽回金额（元）'), amount),
    el('label', { class: 'field' }, el('span', {}, '办结说明'), summary),
    el('button', { type: 'submit', class: 'btn btn-small' }, '办结'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const yuan = Number(amount.value || '0');
    if (!summary.value.trim() || !(yuan >= 0)) return summary.focus();
    act('closing', { outcome: outcome.value, amountRecoveredFen: Math.round(yuan * 100), summary: summary.value.trim() });
  });
  return form;
}
