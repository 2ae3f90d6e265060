// 组织架构: the organizer's scope as an expandable tree (children read when a node opens, 20 at a time), a search
// by a word of the name within the scope, a child organisation created under a node, a node moved under another
// organisation of the scope, and each node's dashboard. Refusals are the API's problems in Chinese.
import { api, registerMessages } from '../api.js';
import { el, render, errorNotice, toast } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { readOrganization, notFound } from './organizations.js';

const PAGE = 20;

/** Kinds an organizer may create, in the order of the tree (organization-service's OrganizationKind). */
const KINDS = [
  ['CITY_FEDERATION', '市总工会'], ['DISTRICT_FEDERATION', '区县总工会'], ['STREET_FEDERATION', '街道（镇）工会'],
  ['INDUSTRY_FEDERATION', '行业工会联合会'], ['JOINT_UNION', '联合工会'], ['ENTERPRISE_UNION', '企业工会'],
  ['REGIONAL_UNION', '区域工会'],
];

registerMessages({
  'no-cycle': '不能把组织移到它自己或它的下级组织之下',
  'unknown-parent': '上级组织不存在，或不在您的管理范围内',
  'division-level': '行政区划代码的级别与组织类型不符（市总工会用市级代码，区县总工会用区县代码，街道工会用 9 位乡镇街道代码）',
  'division-within-parent': '行政区划代码不在上级组织的地域范围内',
  'root-needs-admin': '只有管理员可以新建最上级的组织',
  'platform-union-needs-platforms': '依托平台组建的工会需要填写平台',
});

export async function showTree(main, params) {
  const rootId = await scopeOrganization(params);
  if (!rootId) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const root = await readOrganization(rootId);
  if (!root) return render(main, notFound());

  const results = el('div', { 'aria-live': 'polite' });
  const search = el('form', { class: 'tree-search', role: 'search' },
    el('label', { class: 'field' }, el('span', {}, '按名称查找'),
      el('input', { name: 'name', type: 'search', maxlength: '50', placeholder: '例如：街道、外卖' })),
    el('button', { class: 'btn', type: 'submit' }, '查找'));
  search.addEventListener('submit', async event => {
    event.preventDefault();
    const word = search.name.value.trim();
    if (!word) return render(results);
    try {
      const page = await api.get('/api/organizations/' + encodeURIComponent(root.id) + '/descendants?size=50&name='
        + encodeURIComponent(word));
      render(results, el('h3', { class: 'section-title' }, '找到 ' + page.totalItems + ' 个组织'),
        el('ul', { class: 'tree-results', 'data-list': 'search-results' }, page.items.map(found =>
          el('li', { 'data-id': found.id }, el('span', { class: 'tree-name' }, found.name),
            el('span', { class: 'muted' }, ' ' + found.kindLabel + ' '),
            el('button', { type: 'button', class: 'btn btn-small btn-plain', onclick: () => go('overview', { org: found.id }) },
              '看概览')))));
    } catch (e) {
      render(results, errorNotice(e));
    }
  });

  const tree = el('ul', { class: 'org-tree', 'aria-label': '组织架构' }, node(root, true));
  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'tree-title' },
      el('h2', { id: 'tree-title' }, '组织架构'),
      el('p', { class: 'muted' }, '点“展开”查看下级组织；在组织右侧新建下级、移动或查看概览。'),
      search, results),
    el('section', { class: 'card' }, tree));
  tree.querySelector("[data-expand]").click();
}

/** One organisation of the tree: its line, and its children once opened. */
function node(organization, isRoot = false) {
  const childrenId = 'children-' + organization.id;
  const children = el('ul', { id: childrenId, hidden: true });
  const panel = el('div', { class: 'tree-panel' });
  const expand = el('button', { type: 'button', class: 'tree-toggle', 'data-expand': organization.id,
    'aria-expanded': 'false', 'aria-controls': childrenId, 'aria-label': '展开 ' + organization.name }, '▸');
  let loaded = false;
  expand.addEventListener('click', async () => {
    const open = expand.getAttribute('aria-expanded') !== 'true';
    if (open && !loaded) {
      loaded = true;
      await loadChildren(organization, children, 0);
    }
    expand.setAttribute('aria-expanded', String(open));
    expand.setAttribute('aria-label', (open ? '收起 ' : '展开 ') + organization.name);
    expand.textContent = open ? '▾' : '▸';
    children.hidden = !open;
  });
  const reload = async () => {
    loaded = true;
    render(children);
    await loadChildren(organization, children, 0);
    expand.setAttribute('aria-expanded', 'true');
    expand.setAttribute('aria-label', '收起 ' + organization.name);
    expand.textContent = '▾';
    children.hidden = false;
  };
  return el('li', { class: 'tree-node', 'data-id': organization.id },
    el('div', { class: 'tree-line' }, expand,
      el('span', { class: 'tree-name' }, organization.name),
      el('span', { class: 'muted tree-kind' }, organization.kindLabel),
      el('span', { class: 'tree-actions' },
        el('button', { type: 'button', class: 'btn btn-small btn-plain', onclick: () => go('overview', { org: organization.id }) }, '概览'),
        el('button', { type: 'button', class: 'btn btn-small btn-plain', 'data-action': 'create',
          onclick: () => render(panel, createForm(organization, panel, reload)) }, '新建下级'),
        isRoot ? null : el('button', { type: 'button', class: 'btn btn-small btn-plain', 'data-action': 'move',
          onclick: () => moveForm(organization, panel) }, '移动'))),
    panel, children);
}

async function loadChildren(parent, list, page) {
  const more = list.querySelector(':scope > li.tree-more');
  if (more) more.remove();
  try {
    const answer = await api.get('/api/organizations/' + encodeURIComponent(parent.id) + '/children?page=' + page + '&size=' + PAGE);
    if (answer.totalItems === 0) list.append(el('li', { class: 'muted tree-empty' }, '没有下级组织'));
    answer.items.forEach(child => list.append(node(child)));
    const shown = page * PAGE + answer.items.length;
    if (shown < answer.totalItems) {
      list.append(el('li', { class: 'tree-more' }, el('button', { type: 'button', class: 'btn btn-small btn-quiet',
        onclick: () => loadChildren(parent, list, page + 1) }, '再显示 ' + Math.min(PAGE, answer.totalItems - shown)
        + ' 个（共 ' + answer.totalItems + ' 个）')));
    }
  } catch (e) {
    list.append(el('li', {}, errorNotice(e)));
  }
}

function createForm(parent, panel, reload) {
  const error = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { class: 'tree-form', novalidate: true, 'aria-label': '在' + parent.name + '下新建组织' },
    el('label', { class: 'field' }, el('span', {}, '名称'), el('input', { name: 'name', required: true, maxlength: '100' })),
    el('label', { class: 'field' }, el('span', {}, '类型'),
      el('select', { name: 'kind' }, KINDS.map(([code, label]) => el('option', { value: code }, label)))),
    el('label', { class: 'field' }, el('span', {}, '行政区划代码'),
      el('input', { name: 'divisionCode', required: true, inputmode: 'numeric', maxlength: '9', value: parent.divisionCode || '' }),
      el('span', { class: 'hint' }, '6 位区县代码，街道（镇）为 9 位')),
    el('div', { class: 'row-buttons' },
      el('button', { class: 'btn btn-small', type: 'submit' }, '新建'),
      el('button', { class: 'btn btn-small btn-plain', type: 'button', onclick: () => render(panel) }, '取消')),
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const name = form.name.value.trim();
    const divisionCode = form.divisionCode.value.trim();
    if (!name || !divisionCode) {
      return render(error, el('p', { class: 'notice bad', role: 'alert' }, '请填写名称和行政区划代码'));
    }
    if (!/^\d{6}(\d{3})?$/.test(divisionCode)) {
      return render(error, el('p', { class: 'notice bad', role: 'alert' }, '行政区划代码应为 6 位（区县）或 9 位（街道、乡镇）数字'));
    }
    form.querySelector('button[type=submit]').disabled = true;
    try {
      const created = await api.post('/api/organizations', { name, kind: form.kind.value, divisionCode,
        parentId: parent.id, workerTypes: [] });
      render(panel);
      toast('已新建：' + created.name);
      await reload();
    } catch (e) {
      render(error, errorNotice(e));
      form.querySelector('button[type=submit]').disabled = false;
    }
  });
  setTimeout(() => form.name.focus());
  return form;
}

/** The new parent is chosen among the organisations of the organizer's scope (its root and everything below). */
async function moveForm(organization, panel) {
  const scopeRoot = await scopeOrganization({});
  let candidates;
  try {
    const [root, below] = await Promise.all([readOrganization(scopeRoot),
      api.get('/api/organizations/' + encodeURIComponent(scopeRoot) + '/descendants?size=200')]);
    candidates = [root, ...below.items].filter(o => o && o.id !== organization.id && o.id !== organization.parentId
      && !(o.orgPath || '').startsWith(organization.orgPath));
  } catch (e) {
    return render(panel, errorNotice(e));
  }
  const error = el('div', { 'aria-live': 'assertive' });
  const form = el('form', { class: 'tree-form', 'aria-label': '移动' + organization.name },
    el('label', { class: 'field' }, el('span', {}, '移到哪个组织之下'),
      el('select', { name: 'newParentId' }, candidates.map(o => el('option', { value: o.id }, o.name + '（' + o.kindLabel + '）')))),
    el('div', { class: 'row-buttons' },
      el('button', { class: 'btn btn-small', type: 'submit', disabled: candidates.length === 0 }, '确认移动'),
      el('button', { class: 'btn btn-small btn-plain', type: 'button', onclick: () => render(panel) }, '取消')),
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelector('button[type=submit]').disabled = true;
    try {
      const moved = await api.post('/api/organizations/' + encodeURIComponent(organization.id) + '/move',
        { newParentId: form.newParentId.value });
      toast('已移动：' + moved.name);
      go('tree', { org: scopeRoot });
    } catch (e) {
      render(error, errorNotice(e));
      form.querySelector('button[type=submit]').disabled = false;
    }
  });
  render(panel, form);
  form.newParentId.focus();
}
