// 集体协商: consultation rounds with platforms and companies in the organizer's scope. The list (newest meeting
// first), a form to plan a round (topics, participants, until when workers' opinions are gathered on the phone
// page /m/opinion.html), and a round's page (#consultations?id=): the opinions gathered (figures by topic as a
// table), the outcome with its follow-up items, each marked done once.
import { api } from '../api.js';
import { el, render, errorNotice, toast, beijingDay, formatDateTime, workerTypeLabel } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';

const TOPICS = { LABOUR_STANDARDS: '劳动定额与用工规则', ALGORITHMS: '算法与派单规则', REST: '休息休假', PAY: '劳动报酬', SAFETY: '劳动安全' };
const SIDES = [['UNION', '工会方'], ['COMPANY', '企业方'], ['WORKER_REPRESENTATIVE', '职工代表'], ['OTHER', '其他']];
const STATUS = { GATHERING: '征集意见中', HELD: '已协商' };
const OUTCOMES = { AGREEMENT: '达成协议', NO_AGREEMENT: '未达成协议' };
const DAY_MS = 86400000;
const dayFromToday = n => beijingDay(Date.now() + n * DAY_MS);
const path = id => '/api/organizations/consultations/' + encodeURIComponent(id);

export async function showConsultations(main, params = {}) {
  if (params.id) return showRound(main, params.id);
  render(main, el('p', { class: 'muted' }, '正在读取集体协商……'));
  const orgId = await scopeOrganization(params);
  const [rounds, companies] = await Promise.all([
    api.get('/api/organizations/consultations?size=50'),
    api.get('/api/organizations/companies?size=200'),
  ]);
  const items = rounds.items || [];
  render(main, el('div', { class: 'consultations' },
    el('section', { class: 'card', 'aria-labelledby': 'rounds-title' },
      el('h2', { id: 'rounds-title' }, '集体协商（' + (rounds.totalItems || 0) + ' 轮）'),
      items.length ? el('table', { class: 'desk-table', 'data-list': 'consultations' },
        el('caption', { class: 'visually-hidden' }, '协商日期新的在前'),
        el('thead', {}, el('tr', {}, ['协商', '平台或企业', '议题', '协商日期', '意见', '状态'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, items.map(round => el('tr', { 'data-round': round.id },
          el('td', {}, el('a', { href: '#consultations?id=' + encodeURIComponent(round.id) }, round.title)),
          el('td', {}, round.companyName),
          el('td', {}, round.topics.map(t => TOPICS[t] || t).join('、')),
          el('td', {}, round.plannedOn),
          el('td', {}, String(round.opinions)),
          el('td', {}, el('span', { class: 'tag ' + (round.status === 'HELD' ? 'ok' : 'wait') }, STATUS[round.status])))))) :
        el('p', { class: 'muted' }, '还没有协商记录')),
    planForm(orgId, companies.items || [])));
}

function planForm(orgId, companies) {
  const title = el('input', { id: 'round-title', name: 'title', maxlength: '100', autocomplete: 'off' });
  const company = el('select', { id: 'round-company', name: 'companyId' },
    companies.map(c => el('option', { value: c.id }, c.name + (c.platform ? '（' + c.platform + '）' : ''))));
  const topics = Object.entries(TOPICS).map(([code, label]) =>
    el('label', { class: 'topic-choice' }, el('input', { type: 'checkbox', name: 'topic', value: code }), ' ' + label));
  const plannedOn = el('input', { id: 'round-planned-on', type: 'date', name: 'plannedOn', value: dayFromToday(14) });
  const opinionsUntil = el('input', { id: 'round-opinions-until', type: 'date', name: 'opinionsUntil', value: dayFromToday(10) });
  const people = SIDES.map(([side, label]) => [side, el('textarea', { id: 'side-' + side, rows: '2', maxlength: '600', 'aria-describedby': 'sides-hint' }), label]);
  const outcome = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'card plan-form', novalidate: true, 'aria-labelledby': 'plan-title' },
    el('h2', { id: 'plan-title' }, '新建协商'),
    el('label', { class: 'field', for: 'round-title' }, el('span', {}, '协商名称'), title),
    el('label', { class: 'field', for: 'round-company' }, el('span', {}, '平台或企业'), company),
    el('fieldset', { class: 'field' }, el('legend', {}, '议题'), topics),
    el('div', { class: 'plan-dates' },
      el('label', { class: 'field', for: 'round-planned-on' }, el('span', {}, '协商日期'), plannedOn),
      el('label', { class: 'field', for: 'round-opinions-until' }, el('span', {}, '意见征集截止'), opinionsUntil)),
    el('p', { class: 'hint', id: 'sides-hint' }, '参加人员每行一位，可写“姓名 职务”'),
    people.map(([side, area, label]) => el('label', { class: 'field', for: 'side-' + side }, el('span', {}, label), area)),
    outcome, el('button', { class: 'btn', type: 'submit' }, '保存并开始征集意见'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = Array.from(form.querySelectorAll('input[name="topic"]:checked')).map(i => i.value);
    if (!title.value.trim() || !company.value || !chosen.length) {
      return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写协商名称，选择平台或企业和至少一个议题'));
    }
    const participants = people.flatMap(([side, area]) => area.value.split('\n').map(line => line.trim()).filter(Boolean)
      .map(line => { const [name, ...role] = line.split(/\s+/); return { name, side, role: role.join(' ') || null }; }));
    try {
      const round = await api.post('/api/organizations/consultations', { organizationId: orgId, companyId: company.value,
        title: title.value.trim(), topics: chosen, participants, plannedOn: plannedOn.value, opinionsUntil: opinionsUntil.value });
      toast('已保存，职工可以在手机上提交意见');
      go('consultations', { id: round.id });
    } catch (e) {
      render(outcome, errorNotice(e));
    }
  });
  return form;
}

async function showRound(main, id) {
  render(main, el('p', { class: 'muted' }, '正在读取……'));
  const [round, opinions] = await Promise.all([api.get(path(id)), api.get(path(id) + '/opinions?size=100')]);
  const byTopic = Object.entries(round.opinionsByTopic || {});
  render(main, el('div', { class: 'consultations' },
    el('p', {}, el('a', { href: '#consultations' }, '‹ 全部协商')),
    el('section', { class: 'card', 'aria-labelledby': 'round-name' },
      el('h2', { id: 'round-name' }, round.title),
      el('dl', { class: 'facts' },
        el('dt', {}, '工会'), el('dd', {}, round.organizationName),
        el('dt', {}, '平台企业'), el('dd', {}, round.companyName + (round.platform ? '（' + round.platform + '）' : '')),
        el('dt', {}, '协商日期'), el('dd', {}, round.plannedOn),
        el('dt', {}, '意见征集'), el('dd', { id: 'round-taking' }, round.takingOpinions ? '进行中，截止 ' + round.opinionsUntil : '已结束'),
        el('dt', {}, '状态'), el('dd', { id: 'round-status' }, STATUS[round.status])),
      round.participants.length ? el('p', {}, '参加人员：' + round.participants.map(p =>
        (SIDES.find(([s]) => s === p.side) || [p.side, p.side])[1] + ' ' + p.name + (p.role ? '（' + p.role + '）' : '')).join('；')) : null),
    el('section', { class: 'card', 'aria-labelledby': 'opinions-title' },
      el('h2', { id: 'opinions-title' }, '职工意见（' + round.opinions + ' 条）'),
      el('table', { class: 'desk-table', 'data-chart': 'opinions-by-topic' },
        el('caption', {}, '按议题'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '议题'), el('th', { scope: 'col' }, '条数'))),
        el('tbody', {}, byTopic.map(([topic, count]) => el('tr', { 'data-key': topic },
          el('th', { scope: 'row' }, TOPICS[topic] || topic), el('td', {}, String(count)))))),
      (opinions.items || []).length ? el('ul', { class: 'opinion-list' }, opinions.items.map(o => el('li', { 'data-opinion': o.id },
        el('p', {}, o.text),
        el('p', { class: 'hint' }, [TOPICS[o.topic], o.anonymous ? '匿名' : (o.name || '未留名') + (o.member ? '（会员）' : ''),
          o.workerType ? workerTypeLabel(o.workerType) : null, formatDateTime(o.submittedAt)].filter(Boolean).join(' · '))))) :
        el('p', { class: 'muted' }, '还没有收到意见。职工可在手机“工会服务 › 协商意见征集”提交。')),
    round.status === 'HELD' ? outcomeCard(main, round) : outcomeForm(main, round)));
}

function outcomeForm(main, round) {
  const heldOn = el('input', { id: 'held-on', type: 'date', name: 'heldOn', value: beijingDay(Date.now()), max: beijingDay(Date.now()) });
  const kind = el('select', { id: 'outcome-kind', name: 'kind' }, Object.entries(OUTCOMES).map(([c, l]) => el('option', { value: c }, l)));
  const summary = el('textarea', { id: 'outcome-summary', name: 'summary', rows: '4', maxlength: '4000' });
  const followUps = el('textarea', { id: 'outcome-follow-ups', name: 'followUps', rows: '3', maxlength: '3000', 'aria-describedby': 'follow-ups-hint' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'outcome-title' },
    el('h2', { id: 'outcome-title' }, '记录协商结果'),
    el('label', { class: 'field', for: 'held-on' }, el('span', {}, '协商日期'), heldOn),
    el('label', { class: 'field', for: 'outcome-kind' }, el('span', {}, '结果'), kind),
    el('label', { class: 'field', for: 'outcome-summary' }, el('span', {}, '协议内容或结果'), summary),
    el('label', { class: 'field', for: 'outcome-follow-ups' }, el('span', {}, '落实事项'), followUps,
      el('span', { class: 'hint', id: 'follow-ups-hint' }, '每行一项：事项 完成期限（如：平台发布新版派单规则 2027-01-15）')),
    outcome, el('button', { class: 'btn', type: 'submit' }, '保存协商结果'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const lines = followUps.value.split('\n').map(l => l.trim()).filter(Boolean);
    const items = lines.map(line => { const m = line.match(/^(.*\S)\s+(\d{4}-\d{2}-\d{2})$/); return m ? { what: m[1], dueOn: m[2] } : null; });
    if (!summary.value.trim()) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '请填写协议内容或结果'));
    if (items.includes(null)) return render(outcome, el('p', { class: 'notice bad', role: 'alert' }, '落实事项每行写“事项 完成期限”，期限如 2027-01-15'));
    try {
      await api.post(path(round.id) + '/outcome', { heldOn: heldOn.value, kind: kind.value, summary: summary.value.trim(), followUps: items });
      toast('协商结果已保存');
      await showRound(main, round.id);
    } catch (e) {
      render(outcome, errorNotice(e));
    }
  });
  return form;
}

function outcomeCard(main, round) {
  const o = round.outcome;
  return el('section', { class: 'card', 'aria-labelledby': 'outcome-title' },
    el('h2', { id: 'outcome-title' }, '协商结果：' + OUTCOMES[o.kind]),
    el('p', { class: 'muted' }, '协商日期 ' + o.heldOn),
    el('p', { id: 'outcome-summary' }, o.summary),
    round.followUps.length ? el('table', { class: 'desk-table', 'data-list': 'follow-ups' },
      el('caption', {}, '落实事项'),
      el('thead', {}, el('tr', {}, ['事项', '完成期限', '落实情况'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, round.followUps.map(item => el('tr', { 'data-follow-up': item.id },
        el('td', {}, item.what), el('td', {}, item.dueOn),
        el('td', {}, item.done ? el('span', { class: 'tag ok' }, '已完成 ' + item.doneOn + (item.note ? '：' + item.note : ''))
          : el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: async event => {
            event.target.disabled = true;
            try {
              await api.post(path(round.id) + '/follow-ups/' + encodeURIComponent(item.id) + '/done', {});
              toast('已标记完成');
              await showRound(main, round.id);
            } catch (e) {
              event.target.disabled = false;
              toast(e.message || '没有保存');
            }
          } }, '标记完成')))))) : el('p', { class: 'muted' }, '没有落实事项'));
}
