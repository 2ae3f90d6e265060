package org.unionplatform.organization.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.unionplatform.common.events.EventType;

/** The fields of {@code station.opened} that dispatch reads: which organisation runs the station. */
@EventType("station.opened")
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationOpened(String stationId, String name, String type, String orgPath) {
}
