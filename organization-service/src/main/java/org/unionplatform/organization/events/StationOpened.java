package org.unionplatform.organization.events;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** station-service opened a station (read: which organisation operates it, for the attendants' accounts). */
@EventType("station.opened")
public record StationOpened(String stationId, String name, String type, String orgPath, String divisionCode)
        implements DomainEvent {
}
