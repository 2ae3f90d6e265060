package org.unionplatform.benefits.claim;

/** SUBMITTED, then APPROVED (payout held on the budget) or REJECTED; an APPROVED claim becomes PAID. */
public enum ClaimStatus {
    SUBMITTED, APPROVED, PAID, REJECTED
}
