package org.unionplatform.membership.application;

public enum ApplicationStatus {
    /** Not yet handed to a union: organization-service was away, or no union matched yet. */
    AWAITING_DISPATCH,
    /** In the dispatched union's queue. */
    PENDING_APPROVAL,
    APPROVED,
    REJECTED
}
