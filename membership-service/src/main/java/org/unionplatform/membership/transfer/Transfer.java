package org.unionplatform.membership.transfer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A request to move a member to another union; kept after it is decided, as history. */
@Document("transfers")
record Transfer(@Id String id, String memberId, String fromOrganizationId, String fromOrgPath,
        String toOrganizationId, String toOrganizationName, String toOrgPath, String reason, String requestedBy,
        Instant requestedAt, Status status, String decidedBy, Instant decidedAt, String declineReason,
        @Version Long version) {

    enum Status {
        REQUESTED, ACCEPTED, DECLINED
    }

    Transfer accepted(String by, Instant now) {
        return new Transfer(id, memberId, fromOrganizationId, fromOrgPath, toOrganizationId, toOrganizationName,
                toOrgPath, reason, requestedBy, requestedAt, Status.ACCEPTED, by, now, null, version);
    }

    Transfer declined(String by, Instant now, String why) {
        return new Transfer(id, memberId, fromOrganizationId, fromOrgPath, toOrganizationId, toOrganizationName,
                toOrgPath, reason, requestedBy, requestedAt, Status.DECLINED, by, now, why, version);
    }
}
