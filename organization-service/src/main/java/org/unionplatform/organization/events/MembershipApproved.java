package org.unionplatform.organization.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.unionplatform.common.events.EventType;

/** The fields of {@code membership.approved} that membership progress reads (the consumer owns its shape). */
@EventType("membership.approved")
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipApproved(String memberId, String organizationId, String orgPath, String workerType,
        Instant approvedAt) {
}
