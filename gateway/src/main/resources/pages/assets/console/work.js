// What the organizing screens (入会审批, 企业, 建会, 目标, 月报, 批量入会) share: the Chinese wording of the rules the
// organization and membership APIs name, the founding steps in their legal order,
// the unions below an organisation, and small pieces of form.
import { api, registerMessages } from '../api.js';
import { el, render, errorNotice } from '../ui.js';

registerMessages({
  'founding-step-order': '只能办理下一步，步骤须按法定顺序进行',
  'founding-approval': '“上级工会批准”由上一级工会办理',
  'founding-kind': '这种组织不能通过建会流程组建',
  'founding-step-date': '日期不能晚于今天，也不能早于上一步',
  'established-needs-union': '标为“已建会”须选择覆盖它的工会',
  'parent-target-missing': '上级还没有下达本年度目标',
  'target-below-children': '目标不能低于已分解给下级的合计',
  'target-split-child': '只能分解给直属下级组织',
  'status-order': '企业建会进度只能逐步推进',
  'target-split-exceeds-parent': '分解到下级的目标合计超过了本级目标',
  'unknown-organization': '没有找到这个工会，或不在您的范围内',
  'cannot-admit': '省、市、区县总工会不直接接收会员，请选择基层工会',
  'reassign-below': '只能分派给本级以下的其他工会',
  'bulk-mapping': '列的对应关系有误：每个字段只能对应一列',
  'bulk-file': '上传的文件是空的',
  'unknown-parent': '上级组织不存在或不在您的范围内',
  'unknown-company': '企业不存在或不在您的范围内',
});

/** The founding steps in the order of the Trade Union Law (art. 11), as organization-service's FoundingStep. */
export const FOUNDING_STEPS = [
  ['IMPLEMENTATION_PLAN', '制定建会工作实施方案'],
  ['MEMBER_REGISTRATION', '会员登记'],
  ['ASSEMBLY_NOTICE', '下发会员（代表）大会通知'],
  ['ELECTION_RULES', '制定选举办法'],
  ['CANDIDATE_NOMINATION', '委员候选人推荐'],
  ['VOTE_COUNT', '计票'],
  ['UNION_APPROVAL', '上级工会批准'],
  ['ONLINE_REGISTRATION', '网上实名制注册'],
  ['LEGAL_PERSON_CERTIFICATE', '工会法人资格证书办理'],
  ['BANK_ACCOUNT', '银行开立账户'],
];
export const stepLabel = code => (FOUNDING_STEPS.find(([c]) => c === code) || [code, code || '—'])[1];

/** Federations by level never admit members; every other kind of organisation can. */
const FEDERATIONS = ['PROVINCE_FEDERATION', 'CITY_FEDERATION', 'DISTRICT_FEDERATION'];
export const admitsMembers = organization => !FEDERATIONS.includes(organization.kind);

/** The organisation and the first 200 below it (tree order), for pickers. */
export async function organisationAndBelow(id) {
  const [self, below] = await Promise.all([
    api.get('/api/organizations/' + encodeURIComponent(id)),
    api.get('/api/organizations/' + encodeURIComponent(id) + '/descendants?size=200'),
  ]);
  return [self, ...(below.items || [])];
}

/** The organisation id at the end of a materialized path (/shaanxi/xian/xian-beilin/ -> xian-beilin). */
export const lastOfPath = path => (path || '').split('/').filter(Boolean).pop();

/** Today's Beijing date as yyyy-MM-dd, the year and the month. */
export function beijingToday() {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  return { day, year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** Previous / next page of a PageResponse; go(page) redraws. */
export function pager(page, go) {
  if (!page.totalPages || page.totalPages <= 1) return null;
  return el('nav', { class: 'row-buttons', 'aria-label': '翻页' },
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page <= 0, onclick: () => go(page.page - 1) }, '上一页'),
    el('span', {}, '第 ' + (page.page + 1) + ' / ' + page.totalPages + ' 页'),
    el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page.page + 1 >= page.totalPages, onclick: () => go(page.page + 1) }, '下一页'));
}

let fieldCount = 0;
/** A labelled input (or select/textarea given as element) with an id of its own. */
export function field(label, control, hint) {
  if (!control.id) control.id = 'f' + (++fieldCount) + '-' + Math.random().toString(36).slice(2, 7);
  return el('label', { class: 'field', for: control.id }, el('span', {}, label), control,
    hint ? el('span', { class: 'hint' }, hint) : null);
}

/** A problem shown under a form, as an alert. */
export const alertText = text => el('p', { class: 'notice bad', role: 'alert' }, text);

/** Runs a request from a button: disabled while it runs, the error shown in outcome. */
export async function submitting(button, outcome, run) {
  button.disabled = true;
  try {
    render(outcome);
    return await run();
  } catch (e) {
    render(outcome, errorNotice(e));
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** A wide table in a box that scrolls sideways on a narrow screen; focusable, so the keyboard can scroll it too. */
export const scroller = table => el('div', { class: 'table-wrap', tabindex: '0' }, table);
