// The organisation a console screen shows, read once: an organisation outside the organizer's scope answers 404
// from the API, and the screen then says so (nothing of it is shown), as the API does.
import { api } from '../api.js';
import { el } from '../ui.js';

/** The organisation, or null when the API answers not found (unknown, or outside the caller's scope). */
export async function readOrganization(id) {
  try {
    return await api.get('/api/organizations/' + encodeURIComponent(id));
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** What a screen shows for an organisation the API does not find. */
export function notFound() {
  return el('div', { class: 'notice bad', role: 'alert', 'data-answer': 'not-found' },
    '没有找到这个组织，或它不在您的管理范围内。');
}

/** yyyy-mm-dd plus n days (calendar days, no time zone involved). */
export function addDays(day, n) {
  const date = new Date(day + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
