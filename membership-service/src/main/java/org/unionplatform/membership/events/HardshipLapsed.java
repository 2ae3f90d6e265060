package org.unionplatform.membership.events;

import java.time.Instant;
import java.time.LocalDate;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A member no longer counts as in hardship: {@code cause} REVIEW_DUE (not reviewed by {@code reviewOn}) or ENDED
 * (reviewed and found no longer in hardship).
 */
@EventType("hardship.lapsed")
public record HardshipLapsed(String memberId, String organizationId, String orgPath, LocalDate reviewOn,
        String cause, Instant lapsedAt) implements DomainEvent {
}
