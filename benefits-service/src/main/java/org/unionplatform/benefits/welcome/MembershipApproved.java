package org.unionplatform.benefits.welcome;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** membership.approved v1, only the fields benefits reads (CONTRACTS.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
record MembershipApproved(String memberId, String organizationId, String orgPath, String workerType, String gender,
        Instant approvedAt) {
}
