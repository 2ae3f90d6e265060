/**
 * A member's service history (timeline): visits to stations, benefits granted or revoked, claims decided, kept
 * from other services' events and shown to the member and to staff in scope.
 */
package org.unionplatform.membership.history;
