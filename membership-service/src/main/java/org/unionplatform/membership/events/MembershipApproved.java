package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A person became a member (by application, bulk enrolment or an organizer); {@code channel} says which. */
@EventType("membership.approved")
public record MembershipApproved(String memberId, String cardNumber, String organizationId, String orgPath,
        String workerType, String gender, String platform, String companyCreditCode, String divisionCode,
        Instant approvedAt, String channel) implements DomainEvent {
}
