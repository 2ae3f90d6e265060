package org.unionplatform.station.events;

import java.time.Instant;
import java.util.List;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A visit was recorded at a station (demo history publishes none).
 *
 * @param memberId null for an anonymous worker, and for a member not verified yet
 * @param verified whether membership-service confirmed the member when the visit was recorded
 */
@EventType("checkin.recorded")
public record CheckinRecorded(String visitId, String stationId, String stationName, String orgPath, String memberId,
        boolean verified, String workerType, List<String> services, Instant visitedAt) implements DomainEvent {

    public CheckinRecorded {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
