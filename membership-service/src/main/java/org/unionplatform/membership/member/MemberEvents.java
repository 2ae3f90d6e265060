package org.unionplatform.membership.member;

import java.time.Instant;

/** Payloads of the membership events (CONTRACTS.md); no resident ID or phone in any of them. */
public final class MemberEvents {

    private MemberEvents() {
    }

    public record Approved(String memberId, String cardNumber, String organizationId, String orgPath,
            String workerType, String gender, String platform, String companyCreditCode, String divisionCode,
            Instant approvedAt, String channel) {
    }

    public record Transferred(String memberId, String workerType, String fromOrganizationId, String fromOrgPath,
            String toOrganizationId, String toOrgPath, Instant transferredAt) {
    }

    public record Withdrawn(String memberId, String workerType, String organizationId, String orgPath, String reason,
            Instant withdrawnAt) {
    }

    public record StatusChanged(String memberId, String organizationId, String orgPath, String reason, Instant at) {
    }
}
