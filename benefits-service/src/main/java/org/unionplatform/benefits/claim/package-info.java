/**
 * Insurance claims: a member's claim on an insurance program, the officer's decision (approved, fully or partly with
 * a reason, within the amount claimed, the per-claim ceiling and the remaining budget; or rejected) and the recorded
 * payout that spends what the approval held.
 */
package org.unionplatform.benefits.claim;
