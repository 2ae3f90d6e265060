// 活动: the organisation's activities (publish, list, sign-ups and attendance at the door) and its activity figures.
import { api, registerMessages } from '../api.js';
import { el, render, errorNotice, toast, formatDateTime, workerTypeLabel } from '../ui.js';
import { go } from '../staff.js';
import { scopeOrganization } from './scope.js';
import { KINDS, AUDIENCES, STATUSES, RULES } from '../m/activity-labels.js';

registerMessages(RULES);

const FIGURES = [['activities', '活动场次'], ['confirmed', '已报名'], ['waiting', '候补'], ['attended', '签到人数'],
  ['attendedMembers', '其中会员'], ['attendedNonMembers', '其中非会员']];
const CHANNELS = { STATION: '驿站', ACTIVITY: '活动', CAMPAIGN: '宣传活动码' };

export async function showActivities(main, params) {
  const orgId = await scopeOrganization(params);
  if (params.id) return showActivity(main, params.id, orgId);
  const [organization, figures, page, stations, channels, visits] = await Promise.all([
    api.get('/api/organizations/' + encodeURIComponent(orgId)),
    api.get('/api/members/activities/figures?organizationId=' + encodeURIComponent(orgId)),
    api.get('/api/members/activities?size=50'),
    api.get('/api/stations/directory?organizationId=' + encodeURIComponent(orgId) + '&size=100').catch(() => ({ items: [] })),
    api.get('/api/members/applications/channels?organizationId=' + encodeURIComponent(orgId)).catch(() => null),
    api.get('/api/checkins/counts?organizationId=' + encodeURIComponent(orgId)).catch(() => null),
  ]);
  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'figures-title' },
      el('h2', { id: 'figures-title' }, organization.name + ' · 活动情况'),
      // Tests read the figures here: data-chart names the table, data-key each row.
      el('table', { class: 'desk-table', 'data-chart': 'activity-figures' },
        el('caption', {}, '活动数据（含下级组织）'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '项目'), el('th', { scope: 'col' }, '数量'))),
        el('tbody', {}, FIGURES.map(([key, label]) => el('tr', { 'data-key': key },
          el('th', { scope: 'row' }, label), el('td', {}, String(figures[key])))))),
      figures.byKind.length ? el('table', { class: 'desk-table', 'data-chart': 'activity-kinds' },
        el('caption', {}, '各类活动'),
        el('thead', {}, el('tr', {}, ['类别', '场次', '签到人数'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, figures.byKind.map(row => el('tr', { 'data-key': row.kind },
          el('th', { scope: 'row' }, KINDS[row.kind] || row.kind), el('td', {}, String(row.activities)),
          el('td', {}, String(row.attended)))))) : null,
      channels ? el('table', { class: 'desk-table', 'data-chart': 'joins-by-channel' },
        el('caption', {}, '入会渠道（申请人数 / 已批准）'),
        el('thead', {}, el('tr', {}, ['渠道', '申请', '已批准'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, channels.channels.length ? channels.channels.map(row => el('tr', { 'data-key': row.channel },
          el('th', { scope: 'row' }, `${CHANNELS[row.kind] || row.kind}：${row.label || row.reference}`),
          el('td', {}, String(row.applications)), el('td', {}, String(row.approved))))
          : el('tr', {}, el('td', { colspan: '3' }, '还没有经渠道来的申请')))) : null,
      visits ? el('table', { class: 'desk-table', 'data-chart': 'non-member-visits' },
        el('caption', {}, `驿站服务非会员（近30天，共 ${visits.nonMembers} 人次，占到站 ${visits.total} 人次）`),
        el('thead', {}, el('tr', {}, ['职业', '人次'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, Object.entries(visits.nonMembersByWorkerType || {}).map(([type, n]) => el('tr', { 'data-key': type },
          el('th', { scope: 'row' }, workerTypeLabel(type)), el('td', {}, String(n)))))) : null),
    publishForm(orgId, stations.items || []),
    el('section', { class: 'card', 'aria-labelledby': 'list-title' },
      el('h2', { id: 'list-title' }, '活动列表'),
      page.items.length ? el('table', { class: 'desk-table', id: 'activity-list' },
        el('thead', {}, el('tr', {}, ['活动', '类别', '时间', '地点', '名额', '已报名', '候补', '签到'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, page.items.map(a => el('tr', { 'data-id': a.id },
          el('td', {}, el('a', { href: '#activities?id=' + encodeURIComponent(a.id) }, a.title)),
          el('td', {}, KINDS[a.kind] || a.kind), el('td', {}, formatDateTime(a.startsAt)), el('td', {}, a.venue.name),
          el('td', {}, String(a.capacity)), el('td', {}, String(a.confirmed)), el('td', {}, String(a.waiting)),
          el('td', {}, String(a.attended))))))
        : el('p', { class: 'muted' }, '还没有活动')));
}

/** datetime-local is Beijing time on these desks; the API takes an instant. */
const instant = value => new Date(value + ':00+08:00').toISOString();

function publishForm(orgId, stations) {
  const error = el('div', { 'aria-live': 'assertive' });
  const field = (label, input) => el('label', { class: 'field' }, el('span', {}, label), input);
  const jobs = el('fieldset', { class: 'field', hidden: true }, el('legend', {}, '招聘岗位（单位、岗位、月薪下限、上限、人数）'),
    el('div', { id: 'job-rows' }), el('button', { type: 'button', class: 'btn btn-quiet', onclick: () => addJob() }, '添加岗位'));
  const addJob = () => jobs.querySelector('#job-rows').append(el('div', { class: 'row job' },
    el('input', { 'aria-label': '用人单位', name: 'employer', maxlength: '100' }),
    el('input', { 'aria-label': '岗位', name: 'position', maxlength: '100' }),
    el('input', { 'aria-label': '月薪下限（元）', name: 'payFrom', type: 'number', min: '0' }),
    el('input', { 'aria-label': '月薪上限（元）', name: 'payTo', type: 'number', min: '0' }),
    el('input', { 'aria-label': '招聘人数', name: 'openings', type: 'number', min: '1' })));
  const form = el('form', { class: 'card', id: 'publish', novalidate: true, 'aria-labelledby': 'publish-title' },
    el('h2', { id: 'publish-title' }, '发布活动'),
    field('活动名称', el('input', { name: 'title', maxlength: '100', required: true })),
    field('类别', el('select', { name: 'kind' }, Object.entries(KINDS).map(([code, label]) => el('option', { value: code }, label)))),
    field('地点：驿站', el('select', { name: 'station' }, el('option', { value: '' }, '不在驿站（填写地址）'),
      stations.map(s => el('option', { value: s.id, 'data-name': s.name, 'data-address': s.address || '' }, s.name)))),
    field('地点名称（不在驿站时）', el('input', { name: 'venueName', maxlength: '100' })),
    field('地址（不在驿站时）', el('input', { name: 'address', maxlength: '200' })),
    field('开始时间', el('input', { name: 'startsAt', type: 'datetime-local', required: true })),
    field('结束时间', el('input', { name: 'endsAt', type: 'datetime-local', required: true })),
    field('名额', el('input', { name: 'capacity', type: 'number', min: '1', max: '1000', value: '30' })),
    field('对象', el('select', { name: 'audience' }, Object.entries(AUDIENCES).map(([code, label]) => el('option', { value: code }, label)))),
    field('活动介绍', el('textarea', { name: 'description', maxlength: '2000', rows: '3' })),
    jobs, error,
    el('button', { class: 'btn', type: 'submit' }, '发布'));
  form.kind.addEventListener('change', () => {
    jobs.hidden = form.kind.value !== 'JOB_FAIR';
    if (!jobs.hidden && !jobs.querySelector('.job')) addJob();
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    render(error);
    const station = form.station.selectedOptions[0];
    if (!form.title.value.trim() || !form.startsAt.value || !form.endsAt.value || (!station.value && !form.venueName.value.trim())) {
      return render(error, el('p', { class: 'notice bad', role: 'alert' }, '请填写活动名称、时间和地点'));
    }
    const jobPosts = jobs.hidden ? [] : Array.from(jobs.querySelectorAll('.job')).filter(row => row.querySelector('[name=employer]').value.trim())
      .map(row => ({ employer: row.querySelector('[name=employer]').value.trim(), position: row.querySelector('[name=position]').value.trim(),
        payFromYuan: Number(row.querySelector('[name=payFrom]').value), payToYuan: Number(row.querySelector('[name=payTo]').value),
        openings: Number(row.querySelector('[name=openings]').value) }));
    try {
      const created = await api.post('/api/members/activities', {
        organizationId: orgId, title: form.title.value.trim(), kind: form.kind.value,
        description: form.description.value.trim() || null,
        venue: station.value ? { stationId: station.value, name: station.dataset.name, address: station.dataset.address || null }
          : { name: form.venueName.value.trim(), address: form.address.value.trim() || null },
        startsAt: instant(form.startsAt.value), endsAt: instant(form.endsAt.value),
        capacity: Number(form.capacity.value), audience: form.audience.value, jobPosts });
      toast('已发布：' + created.title);
      go('activities', { id: created.id });
    } catch (e) {
      render(error, errorNotice(e));
    }
  });
  return form;
}

async function showActivity(main, id) {
  const detail = await api.get('/api/members/activities/' + encodeURIComponent(id));
  const a = detail.activity;
  const result = el('div', { 'aria-live': 'polite', id: 'door-result' });
  const door = el('form', { class: 'card', id: 'door', novalidate: true, 'aria-labelledby': 'door-title' },
    el('h2', { id: 'door-title' }, '现场签到'),
    el('label', { class: 'field' }, el('span', {}, '报名码、会员卡号或会员二维码内容'),
      el('input', { name: 'code', autocomplete: 'off', maxlength: '200' })),
    el('button', { class: 'btn', type: 'submit' }, '签到'), result);
  door.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const done = await api.post(`/api/members/activities/${encodeURIComponent(id)}/attendance`, { code: door.code.value.trim() });
      toast(done.already ? '已签到过' : '签到成功');
      go('activities', { id, at: Date.now() });
    } catch (e) {
      render(result, errorNotice(e));
    }
  });
  render(main,
    el('p', {}, el('a', { href: '#activities' }, '‹ 返回活动列表')),
    el('section', { class: 'card', 'aria-labelledby': 'activity-title' },
      el('h2', { id: 'activity-title' }, a.title),
      el('p', { class: 'muted' }, `${KINDS[a.kind] || a.kind} · ${AUDIENCES[a.audience]} · ${formatDateTime(a.startsAt)} – ${formatDateTime(a.endsAt)} · ${a.venue.name}`),
      el('table', { class: 'desk-table', 'data-chart': 'activity-counts' },
        el('caption', {}, '报名与签到'),
        el('tbody', {}, [['capacity', '名额', a.capacity], ['confirmed', '已报名', a.confirmed], ['waiting', '候补', a.waiting],
          ['attended', '签到', a.attended]].map(([key, label, n]) => el('tr', { 'data-key': key },
          el('th', { scope: 'row' }, label), el('td', {}, String(n))))))),
    door,
    el('section', { class: 'card', 'aria-labelledby': 'sign-ups-title' },
      el('h2', { id: 'sign-ups-title' }, '报名名单'),
      detail.signUps.length ? el('table', { class: 'desk-table', id: 'sign-ups' },
        el('thead', {}, el('tr', {}, ['姓名', '会员', '职业', '手机', '状态', '报名时间', '签到时间'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, detail.signUps.map(s => el('tr', {},
          el('td', {}, s.name), el('td', {}, s.member ? '会员' : '非会员'), el('td', {}, workerTypeLabel(s.workerType)),
          el('td', {}, s.phone || '—'),
          el('td', {}, s.status === 'WAITING' ? `候补第 ${s.waitingPosition} 位` : STATUSES[s.status]),
          el('td', {}, formatDateTime(s.signedUpAt)), el('td', {}, s.attendedAt ? formatDateTime(s.attendedAt) : '—')))))
        : el('p', { class: 'muted' }, '还没有人报名')));
}


