package org.unionplatform.membership.events;

import java.time.Instant;
import java.time.LocalDate;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** An officer registered a member as in hardship (困难职工建档) until the review date; no evidence travels. */
@EventType("hardship.registered")
public record HardshipRegistered(String memberId, String organizationId, String orgPath, String reason,
        LocalDate reviewOn, Instant registeredAt) implements DomainEvent {
}
