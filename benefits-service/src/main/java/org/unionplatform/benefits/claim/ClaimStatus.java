package org.unionplatform.benefits.claim;

public enum ClaimStatus {
    SUBMITTED, APPROVED, REJECTED
}
