package org.unionplatform.membership.events;

import java.time.Instant;
import java.util.List;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of station-service's {@code checkin.recorded}. */
@EventType("checkin.recorded")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckinRecorded(String visitId, String stationId, String stationName, String memberId, Boolean verified,
        List<String> services, Instant visitedAt) {
}
