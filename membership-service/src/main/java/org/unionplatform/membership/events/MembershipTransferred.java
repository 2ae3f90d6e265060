package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A member moved to another union. */
@EventType("membership.transferred")
public record MembershipTransferred(String memberId, String workerType, String fromOrganizationId, String fromOrgPath,
        String toOrganizationId, String toOrgPath, Instant transferredAt) implements DomainEvent {
}
