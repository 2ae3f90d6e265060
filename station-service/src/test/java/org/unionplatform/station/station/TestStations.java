package org.unionplatform.station.station;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.unionplatform.station.geo.GeoPoint;

/** Stations for unit tests of other packages, opened as the application would open them. */
public final class TestStations {

    private TestStations() {
    }

    public static StationDetails details(String name) {
        return new StationDetails(name, "LOVE_STATION", "咸阳市渭城区人民路", "610404", new GeoPoint(34.33, 108.71),
                Set.of("MICROWAVE"), OpeningHours.aroundTheClock(), List.of(), List.of("xy-attendant-1"));
    }

    public static Station open(String id, String orgPath, Instant at) {
        String organizationId = orgPath.substring(orgPath.lastIndexOf('/', orgPath.length() - 2) + 1,
                orgPath.length() - 1);
        return Station.open(id, organizationId, orgPath, details("测试驿站"), "wqj7k", at);
    }

    public static Station suspended(String id, String orgPath, Instant at) {
        Station station = open(id, orgPath, at);
        station.suspend("装修", at);
        return station;
    }
}
