package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** An organizer reinstated a suspended member. */
@EventType("membership.reinstated")
public record MembershipReinstated(String memberId, String organizationId, String orgPath, String reason, Instant at)
        implements DomainEvent {
}
