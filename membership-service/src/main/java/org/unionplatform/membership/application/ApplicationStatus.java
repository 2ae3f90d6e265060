package org.unionplatform.membership.application;

public enum ApplicationStatus {
    /** Not yet handed to a union: organization-service was away, or the place has no organisation yet. */
    AWAITING_DISPATCH,
    /**
     * No union that admits matched, or the union left it unhandled too long: in the re-assignment queue of a
     * county-level (else city or province) federation, whose organizers hand it to a union below.
     */
    AWAITING_REASSIGNMENT,
    /** In the dispatched union's queue. */
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    /** organization-service refused the details as invalid: closed, never retried; the person may apply again. */
    REFUSED
}
