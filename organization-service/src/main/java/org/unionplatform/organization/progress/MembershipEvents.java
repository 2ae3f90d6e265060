package org.unionplatform.organization.progress;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of the membership events this service reads (the consumer owns the shape it reads). */
final class MembershipEvents {

    private MembershipEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Approved(String memberId, String organizationId, String orgPath, String workerType, Instant approvedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Transferred(String memberId, String workerType, String fromOrganizationId, String fromOrgPath,
            String toOrganizationId, String toOrgPath, Instant transferredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Withdrawn(String memberId, String workerType, String organizationId, String orgPath,
            Instant withdrawnAt) {
    }
}
