package org.unionplatform.station.events;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A station was opened and takes visits. */
@EventType("station.opened")
public record StationOpened(String stationId, String name, String type, String orgPath, String divisionCode)
        implements DomainEvent {
}
