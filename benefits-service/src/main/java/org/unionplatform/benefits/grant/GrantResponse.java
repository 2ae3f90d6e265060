package org.unionplatform.benefits.grant;

import java.time.Instant;

/**
 * A grant as officers and the member see it. A grant to a worker who is not a member has no {@code memberId} and
 * shows that worker only masked ({@code workerName} 王**, {@code workerPhone} 138****5678).
 */
public record GrantResponse(String id, String programId, String programName, String kind, String memberId,
        String workerName, String workerPhone, String workerType, String organizationId, long amountFen, long items,
        String itemName, String channel, String note, GrantStatus status, String grantedBy, Instant grantedAt,
        String revokedBy, Instant revokedAt, String revokeReason) {

    public static GrantResponse of(Grant g) {
        return new GrantResponse(g.id(), g.programId(), g.programName(), g.kind(), g.memberId(),
                maskName(g.workerName()), g.workerPhone() == null ? null : g.workerPhone().masked(), g.workerType(),
                g.organizationId(), g.amountFen(), g.items(), g.itemName(), g.channel(), g.note(), g.status(),
                g.grantedBy(), g.grantedAt(), g.revokedBy(), g.revokedAt(), g.revokeReason());
    }

    /** 王小明 -> 王**: enough to recognise at the desk, nothing for a copy of the list. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
