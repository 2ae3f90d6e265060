package org.unionplatform.station.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A visit recorded while membership-service could not answer was later matched to this member. */
@EventType("checkin.verified")
public record CheckinVerified(String visitId, String stationId, String stationName, String memberId,
        Instant visitedAt) implements DomainEvent {
}
