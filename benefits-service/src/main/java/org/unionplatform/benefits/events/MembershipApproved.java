package org.unionplatform.benefits.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of membership-service's {@code membership.approved}: a new member may get a welcome pack. */
@EventType("membership.approved")
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipApproved(String memberId, String organizationId, String orgPath, String workerType,
        String gender, Instant approvedAt) {
}
