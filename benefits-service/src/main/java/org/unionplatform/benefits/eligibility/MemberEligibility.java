package org.unionplatform.benefits.eligibility;

import java.time.LocalDate;

/**
 * What membership-service tells this service about a member: only the fields benefits reads
 * ({@code GET /api/members/{memberId}/eligibility}, CONTRACTS.md).
 */
public record MemberEligibility(String memberId, String status, String workerType, String gender,
        String organizationId, String orgPath, LocalDate joinedOn, Boolean hardship) {

    public boolean isHardship() {
        return Boolean.TRUE.equals(hardship);
    }
}
