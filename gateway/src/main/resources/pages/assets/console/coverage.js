// 驿站覆盖: per county-level division under the organisation, its active members and the visits of the last 30
// days against the active stations there, the districts with the most members per station first (where the next
// station is needed; a district with members and no station at all comes before every other).
import { api } from '../api.js';
import { el, render } from '../ui.js';
import { scopeOrganization } from './scope.js';
import { readOrganization, notFound } from './organizations.js';
import { chartCard, drawCharts } from './charts.js';

export async function showCoverage(main, params) {
  const id = await scopeOrganization(params);
  if (!id) return render(main, el('p', { class: 'notice warn' }, '还没有任何工会组织'));
  const organization = await readOrganization(id);
  if (!organization) return render(main, notFound());
  const org = encodeURIComponent(id);
  // A 404 from either service: it knows no member (no station) under the organisation, whose scope was checked.
  const none = e => (e.status === 404 ? null : Promise.reject(e));
  const [members, stations] = await Promise.all([
    api.get('/api/members/counts/by-division?organizationId=' + org).catch(none),
    api.get('/api/stations/coverage?organizationId=' + org).catch(none),
  ]);
  const rows = districts(members, stations);
  const names = await placeNames(rows.map(row => row.code));
  rows.forEach(row => { row.name = names[row.code] || row.code; });

  render(main,
    el('section', { class: 'card', 'aria-labelledby': 'coverage-title' },
      el('h2', { id: 'coverage-title' }, organization.name + '：驿站覆盖'),
      el('p', { class: 'muted' }, '按区县统计在册会员、驿站数和近 30 天到访人次；每个驿站对应的会员越多越靠前，'
        + '最需要新建驿站的区县排在最前面。')),
    el('div', { class: 'chart-grid' }, chartCard({
      name: 'coverage', title: '各区县每个驿站对应的会员数', wide: true,
      note: stations ? '到访统计：' + stations.from + ' 至 ' + stations.to : '该组织范围内还没有驿站',
      caption: '各区县会员、驿站与到访',
      columns: ['区县', '会员', '驿站', '近 30 天到访', '每站会员'],
      rows: rows.map(row => ({ key: row.code, cells: [row.name, row.members, row.stations, row.visits,
        row.stations ? row.perStation : '无驿站'] })),
      option: {
        grid: { left: 12, right: 40, top: 12, bottom: 12, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: rows.map(row => row.name) },
        xAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: '每站会员', label: { show: true, position: 'right',
          formatter: params => (rows[params.dataIndex].stations ? String(params.value) : '无驿站（' + params.value + ' 名会员）') },
        // No station: the bar is the members themselves, drawn apart.
        data: rows.map(row => (row.stations ? row.perStation : { value: row.members, itemStyle: { color: '#9a5b00' } })) }],
      },
    })));
  drawCharts();
}

/** Both services' figures per county, sorted by members per station (none first), then by members. */
function districts(members, stations) {
  const byCode = new Map();
  const row = code => {
    if (!byCode.has(code)) byCode.set(code, { code, members: 0, stations: 0, visits: 0 });
    return byCode.get(code);
  };
  for (const d of (members && members.districts) || []) row(d.divisionCode).members += d.members;
  for (const d of (stations && stations.districts) || []) {
    row(d.divisionCode).stations += d.stations;
    row(d.divisionCode).visits += d.visits;
  }
  const rows = [...byCode.values()].filter(r => r.code);
  rows.forEach(r => { r.perStation = r.stations ? Math.round(r.members / r.stations * 10) / 10 : Infinity; });
  return rows.sort((a, b) => (b.perStation - a.perStation) || (b.members - a.members) || a.code.localeCompare(b.code));
}

/** Chinese names of the divisions (the public place-name picker; cached by the browser for a day). */
async function placeNames(codes) {
  const names = {};
  await Promise.all(codes.map(async code => {
    try {
      const place = await api.get('/api/organizations/places/' + code);
      names[code] = place.name;
    } catch (e) {
      names[code] = code;
    }
  }));
  return names;
}
