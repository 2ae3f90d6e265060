// Members by id for the desk's lists (grants, claims, the welcome queue), which the benefits API gives by member
// id only: each distinct member read once per screen through the member API, in the officer's scope (a member out
// of scope or gone is shown as 会员 + the end of the id). Only the name and card number are shown.
import { api } from '../api.js';

/** Map of member id to { name, cardNumber } for the ids given (at most one read per id, all at once). */
export async function membersById(ids) {
  const distinct = [...new Set(ids.filter(Boolean))];
  const found = await Promise.all(distinct.map(id => api.get('/api/members/' + encodeURIComponent(id))
    .then(m => [id, { name: m.name, cardNumber: m.cardNumber }])
    .catch(() => [id, null])));
  return new Map(found);
}

/** "王小明 · 卡号 6101…" for a row; the id's end when the member cannot be read. */
export function memberLabel(members, id) {
  const m = members.get(id);
  if (!m) return '会员 …' + String(id || '').slice(-6);
  return m.name + (m.cardNumber ? ' · 卡号 ' + m.cardNumber : '');
}
