package org.unionplatform.organization.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.unionplatform.common.events.EventType;

/** The fields of {@code membership.withdrawn} that membership progress reads. */
@EventType("membership.withdrawn")
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipWithdrawn(String memberId, String workerType, String organizationId, String orgPath,
        Instant withdrawnAt) {
}
