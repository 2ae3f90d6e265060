/**
 * Insurance claims: a member's claim on an insurance program, the officer's decision (approved within the
 * per-claim ceiling and the remaining budget, or rejected) and the payout.
 */
package org.unionplatform.benefits.claim;
