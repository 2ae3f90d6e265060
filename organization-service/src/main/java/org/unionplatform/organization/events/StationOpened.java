package org.unionplatform.organization.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.unionplatform.common.events.EventType;

/** The fields of {@code station.opened} the accounts read: which organisation operates the station. */
@EventType("station.opened")
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationOpened(String stationId, String name, String orgPath) {
}
