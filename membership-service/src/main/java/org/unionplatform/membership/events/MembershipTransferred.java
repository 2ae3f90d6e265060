package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A member moved to another union, with their consent; {@code platform} and {@code divisionCode} are where they work
 * from now on (the new union's platform and place).
 */
@EventType("membership.transferred")
public record MembershipTransferred(String memberId, String workerType, String fromOrganizationId, String fromOrgPath,
        String toOrganizationId, String toOrgPath, Instant transferredAt, String platform, String divisionCode)
        implements DomainEvent {
}
