package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A person asked to join; the application waits for its union. */
@EventType("membership.applied")
public record MembershipApplied(String applicationId, String workerType, String divisionCode, Instant appliedAt)
        implements DomainEvent {
}
