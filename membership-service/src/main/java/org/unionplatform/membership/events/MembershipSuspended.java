package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** An organizer suspended an active member. */
@EventType("membership.suspended")
public record MembershipSuspended(String memberId, String organizationId, String orgPath, String reason, Instant at)
        implements DomainEvent {
}
