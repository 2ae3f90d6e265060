// The desk's Chinese wording (program kinds, rules the benefits API names) and its two figures: money in yuan from
// integer fen, and a budget or stock gauge whose figures are also written out as text.
import { el } from '../ui.js';

const KINDS = {
  MUTUAL_AID_INSURANCE: '互助保障', FEMALE_MEDICAL_MUTUAL_AID: '女职工医疗互助', SEASONAL_CAMPAIGN: '季节性慰问',
  WELCOME_PACK: '入会礼包', HARDSHIP_GRANT: '困难帮扶', SOLACE_MONEY: '慰问金', HEALTH_CHECKUP: '健康体检',
  TRAINING: '技能培训', LEGAL_AID: '法律援助',
};
const SEASONS = { SPRING_JOBS: '春送岗位', SUMMER_COOLING: '夏送清凉', AUTUMN_EDUCATION: '金秋助学', WINTER_WARMTH: '冬送温暖' };
const STATUSES = { ACTIVE: '正常', SUSPENDED: '暂停', WITHDRAWN: '已退会' };
const GENDERS = { MALE: '男', FEMALE: '女' };

export const kindLabel = program => (program.season && SEASONS[program.season]) || KINDS[program.kind] || program.kind;
export const memberStatusLabel = code => STATUSES[code] || code;
export const genderLabel = code => GENDERS[code] || code;

/** The benefits API's rules and reasons (docs/benefits.md), as the officer should read them. */
export const RULES = {
  'member-status': '会员状态不符合项目要求',
  'worker-type': '会员的职业类型不在项目范围内',
  gender: '项目只面向特定性别的会员',
  'membership-days': '入会时间还不够',
  hardship: '项目只面向登记在册的困难职工',
  'program-coverage': '会员不在这个项目覆盖的工会范围内',
  'program-period': '不在项目的办理期间内',
  'program-open': '项目还没有开放或已经结束',
  'program-status': '项目状态已变化，请刷新',
  'member-known': '没有找到这位会员',
  'member-limit-reached': '这位会员已达到领取次数上限',
  'budget-exhausted': '项目预算或库存不足',
  'idempotency-key-reused': '这张表单已经提交过另一份内容，请刷新后查看发放记录',
  'idempotency-key-in-progress': '上一次提交还在办理中，请稍候再点“重试”',
  'grant-status': '这笔发放已经撤销过了',
  'revoke-window': '已超过可撤销的期限',
  'claimed-amount': '批准金额不能超过申请金额',
  'per-claim-ceiling': '批准金额超过了单次理赔上限',
  'partial-reason': '部分批准需要填写理由',
  'claim-status': '这笔理赔已经处理过了',
  'claims-accepted': '这个项目不受理理赔',
};

const YUAN = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
/** ¥1,234.50 from 123450 fen. */
export const yuan = fen => YUAN.format((fen || 0) / 100);

/** Yuan typed by the officer ("12.5") to fen, or null when it is not an amount with at most two decimals. */
export function toFen(text) {
  const value = String(text || '').trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(value)) return null;
  const [whole, part = ''] = value.split('.');
  return Number(whole) * 100 + Number((part + '00').slice(0, 2));
}

/**
 * A horizontal gauge of what is left of a budget or stock, with the figures as text beside it (the bar is only a
 * picture of them, hidden from screen readers). data-* attributes carry the raw figures.
 */
export function gauge(label, left, total, format, detail) {
  const share = total > 0 ? Math.max(0, Math.min(1, left / total)) : 0;
  const fill = el('span', { class: 'gauge-fill' + (share < 0.1 ? ' low' : '') });
  fill.style.width = (share * 100).toFixed(1) + '%';
  return el('div', { class: 'gauge-row', 'data-gauge': label, 'data-left': left, 'data-total': total },
    el('span', { class: 'gauge-label' }, label),
    el('span', { class: 'gauge', 'aria-hidden': 'true' }, fill),
    el('span', { class: 'gauge-figures' }, '剩余 ', el('strong', {}, format(left)), ' / 共 ' + format(total),
      detail ? el('span', { class: 'muted' }, '（' + detail + '）') : null));
}

/** The budget and stock gauges of a program (either may be absent). */
export function programGauges(program) {
  const rows = [];
  if (program.budgetFen != null) {
    rows.push(gauge('预算', program.availableFen, program.budgetFen, yuan,
      '已发 ' + yuan(program.spentFen) + (program.reservedFen ? '，办理中 ' + yuan(program.reservedFen) : '')));
  }
  if (program.stockTotal != null) {
    const items = n => n + ' ' + (program.itemName || '件');
    rows.push(gauge('库存', program.stockAvailable, program.stockTotal, items,
      '已发 ' + items(program.stockIssued) + (program.stockReserved ? '，办理中 ' + items(program.stockReserved) : '')));
  }
  return el('div', { class: 'gauges' }, rows);
}
