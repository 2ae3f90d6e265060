/**
 * Grants: issuing a benefit to a member exactly once per Idempotency-Key, within the per-member limit, budget and
 * stock; revoking it within the program's window; and the recovery that finishes or cancels what a crash left.
 */
package org.unionplatform.benefits.grant;
