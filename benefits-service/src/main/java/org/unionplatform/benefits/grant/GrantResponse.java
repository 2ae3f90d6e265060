package org.unionplatform.benefits.grant;

import java.time.Instant;

/** A grant as officers and the member see it. */
public record GrantResponse(String id, String programId, String programName, String kind, String memberId,
        String workerType, String organizationId, long amountFen, long items, String itemName, String channel,
        String note, GrantStatus status, String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt,
        String revokeReason) {

    public static GrantResponse of(Grant g) {
        return new GrantResponse(g.id(), g.programId(), g.programName(), g.kind(), g.memberId(), g.workerType(),
                g.organizationId(), g.amountFen(), g.items(), g.itemName(), g.channel(), g.note(), g.status(),
                g.grantedBy(), g.grantedAt(), g.revokedBy(), g.revokedAt(), g.revokeReason());
    }
}
