package org.unionplatform.station.station;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.unionplatform.station.geo.GeoPoint;

/** What the station endpoints answer; stored documents never go on the wire. */
final class StationResponses {

    private StationResponses() {
    }

    /** The staff view of a station. */
    record StationView(String id, String name, String type, String address, String divisionCode,
            String organizationId, String orgPath, GeoPoint location, Set<String> amenities, OpeningHours hours,
            List<String> partners, List<String> attendants, StationStatus status, String statusReason,
            Inspection lastInspection, Instant openedAt, Instant updatedAt, boolean openNow) {

        static StationView of(Station station, boolean openNow) {
            return new StationView(station.id(), station.name(), station.type(), station.address(),
                    station.divisionCode(), station.organizationId(), station.orgPath(), station.location(),
                    station.amenities(), station.hours(), station.partners(), station.attendants(), station.status(),
                    station.statusReason(), station.lastInspection(), station.openedAt(), station.updatedAt(),
                    openNow);
        }
    }

    /** The public view: what a worker needs to go there; no attendants, no inspection. */
    record PublicStation(String id, String name, String type, String address, String divisionCode,
            GeoPoint location, Set<String> amenities, OpeningHours hours, boolean openNow, Long distanceMetres) {

        static PublicStation of(Station station, boolean openNow, Long metres) {
            return new PublicStation(station.id(), station.name(), station.type(), station.address(),
                    station.divisionCode(), station.location(), station.amenities(), station.hours(), openNow,
                    metres);
        }
    }
}
