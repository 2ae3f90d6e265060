package org.unionplatform.benefits.client;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What membership-service tells this service about a member ({@code GET /api/members/{memberId}/eligibility}):
 * only the fields benefits reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberEligibility(String memberId, String status, String workerType, String gender,
        String organizationId, String orgPath, LocalDate joinedOn, Boolean hardship) {

    /** The same answer, attributed to the member id that was asked about (the id the caller knows). */
    public MemberEligibility asMember(String askedId) {
        return new MemberEligibility(askedId, status, workerType, gender, organizationId, orgPath, joinedOn, hardship);
    }

    public boolean isHardship() {
        return Boolean.TRUE.equals(hardship);
    }
}
