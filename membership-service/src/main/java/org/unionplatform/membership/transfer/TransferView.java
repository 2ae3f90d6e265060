package org.unionplatform.membership.transfer;

import java.time.Instant;

/**
 * A transfer as clients see it: the stored document without organisation paths and the version counter; the
 * status as of now (a request past its expiry reads EXPIRED).
 */
record TransferView(String id, String memberId, String fromOrganizationId, String toOrganizationId,
        String toOrganizationName, String platform, String divisionCode, String reason, String requestedBy,
        Instant requestedAt, Instant expiresAt, Transfer.Status status, boolean acceptedByReceivingUnion,
        boolean consentedByMember, Instant decidedAt, String declineReason) {

    static TransferView of(Transfer stored, Instant now) {
        return new TransferView(stored.id(), stored.memberId(), stored.fromOrganizationId(),
                stored.toOrganizationId(), stored.toOrganizationName(), stored.platform(), stored.divisionCode(),
                stored.reason(), stored.requestedBy(), stored.requestedAt(), stored.expiresAt(),
                stored.statusAt(now), stored.acceptedAt() != null, stored.consentedAt() != null, stored.decidedAt(),
                stored.declineReason());
    }

    /** What the member sees: no staff account names (they may be a person's name, not the member's to see). */
    static TransferView forMember(Transfer stored, Instant now) {
        TransferView full = of(stored, now);
        return new TransferView(full.id(), full.memberId(), full.fromOrganizationId(), full.toOrganizationId(),
                full.toOrganizationName(), full.platform(), full.divisionCode(), full.reason(), null,
                full.requestedAt(), full.expiresAt(), full.status(), full.acceptedByReceivingUnion(),
                full.consentedByMember(), full.decidedAt(), full.declineReason());
    }
}
