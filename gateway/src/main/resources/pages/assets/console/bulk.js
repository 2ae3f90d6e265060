// 批量入会: the bulk enrolment wizard. 1 choose the union and the roster (CSV or XLSX); 2 a dry run reads every row
// and enrols nobody: the columns as read (the organizer may change what a column is read as, and check again), the
// first rows (ID and phone masked) and the values translated; 3 every row's outcome; 4 enrol with a progress bar
// (the job is polled), then the report to download. The file stays in the page between the steps and is sent again
// with the same mapping for the real run.
import { api } from '../api.js';
import { el, render, toast, workerTypeLabel } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { admitsMembers, organisationAndBelow, field, alertText, scroller } from './work.js';
import { downloadButton } from '../download.js';

const FIELDS = [['none', '不读取'], ['name', '姓名'], ['residentId', '身份证号'], ['phone', '手机号'], ['workerType', '职业'],
  ['platform', '平台'], ['companyCreditCode', '统一社会信用代码'], ['divisionCode', '所在区县']];
const fieldLabel = code => (FIELDS.find(([c]) => c === code) || [code, code || '不读取'])[1];
const HOW = { NAMED: '按列名识别', CONTAINS: '列名中包含', CHOSEN: '您指定的', UNUSED: '未读取' };
const OUTCOMES = { WOULD_ENROL: '将入会', ENROLLED: '已入会', ALREADY_MEMBER: '已是会员', REJECTED: '未入会' };
const POLL_MS = 1000;
const LINES_PER_PAGE = 50;

export async function showBulk(main, params = {}) {
  const scope = await scopeOrganization(params);
  if (!scope) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const unions = (await organisationAndBelow(scope)).filter(admitsMembers);
  const state = { file: null, organizationId: null, mapping: null, dryRun: null };
  const steps = el('ol', { class: 'wizard-steps', 'aria-label': '批量入会步骤' },
    ['上传花名册', '核对列的对应关系', '查看每行结果', '入会'].map((label, i) => el('li', { 'data-wizard-step': i + 1 }, label)));
  const body = el('div', {});
  const mark = step => steps.querySelectorAll('li').forEach((li, i) => {
    li.classList.toggle('done', i + 1 < step);
    if (i + 1 === step) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  });
  render(main, el('section', { class: 'card bulk', 'aria-labelledby': 'bulk-title' },
    el('div', { class: 'program-head' }, el('h2', { id: 'bulk-title' }, '批量入会'),
      downloadButton('下载花名册模板', '/api/members/bulk-enrolments/template', '工会会员批量入会模板.xlsx')),
    steps, body));

  // Step 1: the union and the file.
  const union = el('select', { name: 'organizationId' }, unions.map(u => el('option', { value: u.id, selected: u.id === params.org }, u.name)));
  const file = el('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const outcome = el('div', { 'aria-live': 'polite' });
  const check = el('button', { type: 'submit', class: 'btn' }, '检查花名册（不会入会）');
  const form = el('form', { class: 'bulk-upload', novalidate: true },
    unions.length ? null : el('p', { class: 'notice warn' }, '范围内没有可以接收会员的基层工会'),
    el('div', { class: 'form-grid' }, field('入会的工会', union),
      field('花名册文件', file, 'CSV（UTF-8 或 GBK）或 XLSX，最多 100,000 行；平台导出的列名和岗位叫法也能识别')),
    check, outcome);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!union.value) return render(outcome, alertText('请选择入会的工会'));
    if (!file.files.length) return render(outcome, alertText('请选择花名册文件'));
    state.file = file.files[0];
    state.organizationId = union.value;
    state.mapping = null;
    return dryRun();
  });
  mark(1);
  render(body, form);

  async function upload(dry) {
    const data = new FormData();
    data.append('file', state.file, state.file.name);
    const query = new URLSearchParams({ organizationId: state.organizationId, dryRun: String(dry) });
    if (state.mapping) query.set('mapping', JSON.stringify(state.mapping));
    return api.post('/api/members/bulk-enrolments?' + query, data);
  }

  /** Polls the job until it is done or failed, drawing its progress into box. */
  async function follow(job, box, label) {
    const bar = el('progress', { max: '1', value: '0', 'aria-label': label });
    const text = el('span', { 'data-progress': true });
    render(box, el('div', { class: 'progress-row' }, bar, text));
    for (;;) {
      bar.max = Math.max(job.total, 1);
      bar.value = job.done;
      text.textContent = '已处理 ' + job.done + ' / ' + (job.total || '?') + ' 行';
      if (job.status === 'DONE' || job.status === 'FAILED') return job;
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
      job = await api.get('/api/members/bulk-enrolments/' + encodeURIComponent(job.id));
    }
  }

  async function dryRun() {
    const box = el('div', { 'aria-live': 'polite' });
    render(outcome, box);
    check.disabled = true;
    try {
      const job = await follow(await upload(true), box, '检查进度');
      state.dryRun = job;
      showMapping(job);
    } catch (e) {
      render(outcome, alertText(e.message));
    } finally {
      check.disabled = false;
    }
  }

  // Step 2: the columns as read, the first rows, the values translated; the organizer may change the mapping.
  function showMapping(job) {
    mark(2);
    const mapping = job.mapping || { columns: [], values: [], firstRows: [] };
    const selects = mapping.columns.map(column => {
      const select = el('select', { name: 'field', 'data-column': column.column, 'aria-label': '“' + column.column + '”读作' },
        FIELDS.map(([code, label]) => el('option', { value: code, selected: (column.field || 'none') === code }, label)));
      return [column, select];
    });
    const mappingOutcome = el('div', { 'aria-live': 'polite' });
    const recheck = el('button', { type: 'button', class: 'btn btn-plain', onclick: async () => {
      const used = selects.map(([, select]) => select.value).filter(v => v !== 'none');
      const twice = used.find((v, i) => used.indexOf(v) !== i);
      if (twice) return render(mappingOutcome, alertText('“' + fieldLabel(twice) + '”只能对应一列'));
      // Only what the organizer changed (and chose before) is sent: the other columns keep being read by name.
      const changed = selects.filter(([column, select]) => select.value !== (column.field || 'none')
        || (state.mapping && column.column in state.mapping));
      state.mapping = Object.fromEntries(changed.map(([column, select]) => [column.column, select.value]));
      render(body, form);
      return dryRun();
    } }, '按修改后的对应关系重新检查');
    const failed = job.status === 'FAILED';
    render(body,
      failed ? el('p', { class: 'notice bad', role: 'alert' }, '⚠ 花名册无法读取：' + (job.failure || '请检查文件')) : null,
      el('h3', { class: 'section-title', id: 'mapping-title' }, '列的对应关系（表头在第 ' + (mapping.headerLine || 1) + ' 行）'),
      scroller(el('table', { class: 'desk-table', 'data-list': 'mapping', 'aria-labelledby': 'mapping-title' },
        el('thead', {}, el('tr', {}, ['文件中的列', '读作', '识别方式'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, selects.map(([column, select]) => el('tr', { 'data-column': column.column },
          el('th', { scope: 'row' }, column.column), el('td', {}, select), el('td', {}, HOW[column.how] || column.how)))))),
      recheck, mappingOutcome,
      (mapping.firstRows || []).length ? [
        el('h3', { class: 'section-title', id: 'first-rows-title' }, '前 ' + mapping.firstRows.length + ' 行（身份证号和手机号已隐去部分数字）'),
        scroller(el('table', { class: 'desk-table', 'data-list': 'first-rows', 'aria-labelledby': 'first-rows-title' },
          el('thead', {}, el('tr', {}, mapping.columns.map(c => el('th', { scope: 'col' }, c.column)))),
          el('tbody', {}, mapping.firstRows.map(row => el('tr', {}, row.map(cell => el('td', {}, cell)))))))] : null,
      (mapping.values || []).length ? [
        el('h3', { class: 'section-title', id: 'values-title' }, '转换的内容'),
        scroller(el('table', { class: 'desk-table', 'data-list': 'values', 'aria-labelledby': 'values-title' },
          el('thead', {}, el('tr', {}, ['字段', '文件中写的', '读作', '行数'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, mapping.values.map(v => el('tr', {}, el('td', {}, fieldLabel(v.field)), el('td', {}, v.from || '（空）'),
            el('td', {}, v.field === 'workerType' ? workerTypeLabel(v.to) : v.to), el('td', {}, String(v.rows)))))))] : null,
      failed ? null : el('div', { class: 'row-buttons' },
        el('button', { type: 'button', class: 'btn', onclick: () => showOutcomes(job) }, '对应关系无误，查看每行结果')),
      el('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { mark(1); render(body, form); } }, '换一个文件'));
  }

  // Step 3: every row's outcome of the dry run, then the confirmation.
  async function showOutcomes(job) {
    mark(3);
    render(body, el('p', { class: 'muted' }, '正在读取每行结果……'));
    const lines = await api.get('/api/members/bulk-enrolments/' + encodeURIComponent(job.id) + '/report-lines');
    const filter = el('select', { name: 'outcome' }, [['', '全部'], ['REJECTED', '未入会'], ['ALREADY_MEMBER', '已是会员'], ['WOULD_ENROL', '将入会']]
      .map(([code, label]) => el('option', { value: code }, label)));
    const table = el('div', {});
    let page = 0;
    const draw = () => {
      const shown = lines.filter(line => !filter.value || line.outcome === filter.value);
      const pages = Math.max(1, Math.ceil(shown.length / LINES_PER_PAGE));
      page = Math.min(page, pages - 1);
      render(table, scroller(el('table', { class: 'desk-table', 'data-list': 'outcomes' },
        el('caption', {}, '每行结果（' + shown.length + ' 行）'),
        el('thead', {}, el('tr', {}, ['行号', '结果', '列', '原因'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, shown.slice(page * LINES_PER_PAGE, (page + 1) * LINES_PER_PAGE).map(line => el('tr', { 'data-line': line.line, 'data-outcome': line.outcome },
          el('td', {}, String(line.line)),
          el('td', {}, el('span', { class: 'tag ' + (line.outcome === 'REJECTED' ? 'bad' : line.outcome === 'ALREADY_MEMBER' ? 'wait' : 'ok') }, OUTCOMES[line.outcome] || line.outcome)),
          el('td', {}, line.column || ''), el('td', {}, line.reason || '')))))),
        pages > 1 ? el('nav', { class: 'row-buttons', 'aria-label': '翻页' },
          el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page === 0, onclick: () => { page--; draw(); } }, '上一页'),
          el('span', {}, '第 ' + (page + 1) + ' / ' + pages + ' 页'),
          el('button', { type: 'button', class: 'btn btn-plain btn-small', disabled: page + 1 >= pages, onclick: () => { page++; draw(); } }, '下一页')) : null);
    };
    filter.addEventListener('change', () => { page = 0; draw(); });
    draw();
    const enrolOutcome = el('div', { 'aria-live': 'polite' });
    const enrol = el('button', { type: 'button', class: 'btn', disabled: job.wouldEnrol === 0, onclick: () => enrolNow(enrol, enrolOutcome) },
      '确认入会（' + job.wouldEnrol + ' 人）');
    render(body,
      el('dl', { class: 'facts bulk-counts', 'data-counts': 'dry-run' },
        el('dt', {}, '总行数'), el('dd', { 'data-figure': 'total' }, String(job.total)),
        el('dt', {}, '将入会'), el('dd', { 'data-figure': 'wouldEnrol' }, String(job.wouldEnrol)),
        el('dt', {}, '已是会员'), el('dd', { 'data-figure': 'alreadyMembers' }, String(job.alreadyMembers)),
        el('dt', {}, '未入会'), el('dd', { 'data-figure': 'rejected' }, String(job.rejected))),
      field('只看', filter), table,
      el('div', { class: 'row-buttons' }, enrol,
        el('button', { type: 'button', class: 'btn btn-plain', onclick: () => showMapping(job) }, '返回修改对应关系')),
      enrolOutcome);
  }

  // Step 4: the real run with the same file and mapping, its progress, then the report.
  async function enrolNow(button, box) {
    mark(4);
    button.disabled = true;
    try {
      const job = await follow(await upload(false), box, '入会进度');
      if (job.status === 'FAILED') return render(box, el('p', { class: 'notice bad', role: 'alert' }, '⚠ 入会未完成：' + (job.failure || '请重新上传同一个文件')));
      mark(5);
      toast('已入会 ' + job.enrolled + ' 人');
      return render(body, el('div', { class: 'notice ok', role: 'status', 'data-enrolment': job.id },
        '✓ 已完成：入会 ' + job.enrolled + ' 人，已是会员 ' + job.alreadyMembers + ' 人，未入会 ' + job.rejected + ' 人' +
          (job.held ? '，待工会批准成立后入会 ' + job.held + ' 人' : '')),
        el('div', { class: 'row-buttons' },
          downloadButton('下载入会结果（CSV）', '/api/members/bulk-enrolments/' + encodeURIComponent(job.id) + '/report', '入会结果.csv'),
          el('button', { type: 'button', class: 'btn btn-plain btn-small', onclick: () => go('overview', { org: job.organizationId }) }, '查看概览')));
    } catch (e) {
      button.disabled = false;
      return render(box, alertText(e.message));
    }
  }
}
