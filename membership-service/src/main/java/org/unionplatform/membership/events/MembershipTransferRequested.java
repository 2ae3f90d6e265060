package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A union asked to take a member over: the sending union is told (it has no veto), the member is asked to consent
 * before {@code expiresAt}. No personal data: the member is named by id only.
 */
@EventType("membership.transfer-requested")
public record MembershipTransferRequested(String transferId, String memberId, String fromOrganizationId,
        String fromOrgPath, String toOrganizationId, String toOrgPath, Instant requestedAt, Instant expiresAt) implements DomainEvent {
}
