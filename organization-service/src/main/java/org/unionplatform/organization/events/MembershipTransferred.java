package org.unionplatform.organization.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.unionplatform.common.events.EventType;

/** The fields of {@code membership.transferred} that membership progress reads. */
@EventType("membership.transferred")
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipTransferred(String memberId, String workerType, String fromOrganizationId,
        String fromOrgPath, String toOrganizationId, String toOrgPath, Instant transferredAt) {
}
