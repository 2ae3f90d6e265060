package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of station-service's {@code checkin.verified}. */
@EventType("checkin.verified")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckinVerified(String visitId, String stationId, String stationName, String memberId,
        Instant visitedAt) {
}
