package org.unionplatform.membership.transfer;

import java.time.Instant;

/** A transfer as clients see it: the stored document without organisation paths and the version counter. */
record TransferView(String id, String memberId, String fromOrganizationId, String toOrganizationId,
        String toOrganizationName, String reason, String requestedBy, Instant requestedAt, Transfer.Status status,
        String decidedBy, Instant decidedAt, String declineReason) {

    static TransferView of(Transfer stored) {
        return new TransferView(stored.id(), stored.memberId(), stored.fromOrganizationId(),
                stored.toOrganizationId(), stored.toOrganizationName(), stored.reason(), stored.requestedBy(),
                stored.requestedAt(), stored.status(), stored.decidedBy(), stored.decidedAt(), stored.declineReason());
    }
}
