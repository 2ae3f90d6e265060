/**
 * A member's contact details after they joined: a new phone set by the member (proven by a one-time code sent to
 * the new phone) or by an organizer in scope, the history of such changes (read by the member and organizers in
 * scope) and their audit. Phone sign-in follows the new phone at once.
 */
package org.unionplatform.membership.contact;
