package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A member left the union (by their own request or recorded by an organizer). */
@EventType("membership.withdrawn")
public record MembershipWithdrawn(String memberId, String workerType, String organizationId, String orgPath,
        String reason, Instant withdrawnAt) implements DomainEvent {
}
