// 协商意见征集: the consultation rounds still taking opinions and a form per round (topic, opinion, occupation,
// anonymous or with a name). Anyone may post; a signed-in member's post carries their token unless anonymous, so the
// union knows it came from a member. The gateway limits how often one client may post.
import { api } from '../api.js';
import { el, render, errorNotice, WORKER_TYPES } from '../ui.js';
import { publicApi, restoreSession } from './worker.js';

export const TOPICS = { LABOUR_STANDARDS: '劳动定额与用工规则', ALGORITHMS: '算法与派单规则', REST: '休息休假', PAY: '劳动报酬', SAFETY: '劳动安全' };

async function start() {
  const box = document.getElementById('rounds');
  const session = await restoreSession().catch(() => null);
  let rounds;
  try {
    rounds = await publicApi.get('/api/organizations/consultations/open');
  } catch (e) {
    return render(box, errorNotice(e));
  }
  if (!rounds.length) return render(box, el('p', { class: 'card muted' }, '现在没有正在征集意见的协商。'));
  render(box, rounds.map(round => roundCard(round, session)));
}

function roundCard(round, session) {
  const key = round.id.slice(0, 8);
  const topic = el('select', { id: 'topic-' + key, name: 'topic' },
    round.topics.map(code => el('option', { value: code }, TOPICS[code] || code)));
  const text = el('textarea', { id: 'text-' + key, name: 'text', rows: '4', maxlength: '1000', 'aria-describedby': 'text-problem-' + key });
  const problem = el('p', { class: 'error', id: 'text-problem-' + key, 'aria-live': 'polite' });
  const workerType = el('select', { id: 'worker-type-' + key, name: 'workerType' },
    el('option', { value: '' }, '不填'), WORKER_TYPES.map(([code, label]) => el('option', { value: code }, label)));
  const anonymous = el('input', { id: 'anonymous-' + key, name: 'anonymous', type: 'checkbox', checked: true });
  const name = el('input', { id: 'name-' + key, name: 'name', maxlength: '30', autocomplete: 'name' });
  const nameField = el('div', { class: 'field', hidden: true }, el('label', { for: 'name-' + key }, '称呼'), name);
  anonymous.addEventListener('change', () => { nameField.hidden = anonymous.checked; });
  const result = el('div', { role: 'status', 'aria-live': 'polite' });
  const send = el('button', { class: 'btn btn-block', type: 'submit' }, '提交意见');
  const form = el('form', { class: 'opinion-form', novalidate: true, 'data-round': round.id },
    el('div', { class: 'field' }, el('label', { for: 'topic-' + key }, '议题'), topic),
    el('div', { class: 'field' }, el('label', { for: 'text-' + key }, '您的意见'), text, problem),
    el('div', { class: 'field' }, el('label', { for: 'worker-type-' + key }, '您的职业'), workerType),
    el('label', { class: 'check', for: 'anonymous-' + key }, anonymous, ' 匿名提交（不留姓名' + (session ? '和会员身份' : '') + '）'),
    nameField, send, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!text.value.trim()) {
      render(problem, '请写下您的意见');
      return text.focus();
    }
    render(problem);
    send.disabled = true;
    const body = { topic: topic.value, text: text.value.trim(), anonymous: anonymous.checked,
      name: anonymous.checked ? null : name.value.trim() || null, workerType: workerType.value || null };
    try {
      // Signed in and not anonymous: the member's token goes along; otherwise none does.
      if (session && !anonymous.checked) await api.post(postPath(round), body);
      else await publicApi.post(postPath(round), body);
      text.value = '';
      render(result, el('p', { class: 'notice ok' }, '✓ 已收到您的意见，谢谢！工会会带到协商会上。'));
    } catch (e) {
      render(result, errorNotice(e));
    } finally {
      send.disabled = false;
    }
  });
  return el('section', { class: 'card', 'aria-label': round.title },
    el('h2', {}, round.title),
    el('p', { class: 'muted' }, round.organizationName + ' 与 ' + round.companyName + (round.platform ? '（' + round.platform + '）' : '')
      + ' · 协商日期 ' + round.plannedOn + ' · 意见征集到 ' + round.opinionsUntil),
    form);
}

const postPath = round => '/api/organizations/consultations/' + encodeURIComponent(round.id) + '/opinions';

start();
