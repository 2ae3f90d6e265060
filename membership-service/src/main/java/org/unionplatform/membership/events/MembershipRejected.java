package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** The union declined an application. */
@EventType("membership.rejected")
public record MembershipRejected(String applicationId, String organizationId, String orgPath, String reason,
        Instant rejectedAt) implements DomainEvent {
}
