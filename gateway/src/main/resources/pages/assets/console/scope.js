// The organisation a console screen is about: the one the address names (?org=), else the organizer's own scope.
// An administrator without a scope starts at the top of the tree.
import { api, claims } from '../api.js';

/** The id of the organisation the screen shows. */
export async function scopeOrganization(params = {}) {
  if (params.org) return params.org;
  const token = claims() || {};
  if (token.org) return token.org;
  const roots = await api.get('/api/organizations?size=1');
  return roots.items && roots.items.length ? roots.items[0].id : null;
}
