package org.unionplatform.benefits.client;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What membership-service tells this service about a member ({@code GET /api/members/{memberId}/eligibility}):
 * only the fields benefits reads. {@code hardship} is the hardship register's answer for today;
 * {@code hardshipNote} says (in Chinese) why a member once registered no longer counts, null otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberEligibility(String memberId, String status, String workerType, String gender,
        String organizationId, String orgPath, LocalDate joinedOn, Boolean hardship, String hardshipNote) {

    /** The same answer, attributed to the member id that was asked about (the id the caller knows). */
    public MemberEligibility asMember(String askedId) {
        return new MemberEligibility(askedId, status, workerType, gender, organizationId, orgPath, joinedOn, hardship,
                hardshipNote);
    }

    public boolean isHardship() {
        return Boolean.TRUE.equals(hardship);
    }
}
