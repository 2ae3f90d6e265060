package org.unionplatform.station.landing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.station.counting.VisitCounts;
import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.station.station.OpeningHours;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.StationCache;
import org.unionplatform.station.station.StationStatus;

/** Builds the public card of one station: from the station cache and its day counter, two reads by key. */
@Service
public class StationCards {

    private final StationCache stations;
    private final VisitCounts reports;
    private final Clock clock;

    StationCards(StationCache stations, VisitCounts reports, Clock clock) {
        this.stations = stations;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param status              ACTIVE stations take check-ins; SUSPENDED and CLOSED ones are shown as such
     * @param aroundTheClockToday open all 24 hours today
     * @param todayHours          today's opening ranges (none when closed or around the clock)
     * @param todayVisits         visits counted today, members and others
     */
    public record StationCard(String id, String name, String type, String address, StationStatus status,
            GeoPoint location, Set<String> amenities, OpeningHours hours, LocalDate today, boolean openNow,
            boolean aroundTheClockToday, List<OpeningHours.TimeRange> todayHours, long todayVisits) {
    }

    public StationCard card(String stationId) {
        Station station = stations.find(stationId).orElseThrow(() -> new ResourceNotFoundException("Station",
                stationId));
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ChinaTime.ZONE);
        LocalDate today = now.toLocalDate();
        OpeningHours hours = station.hours();
        return new StationCard(station.id(), station.name(), station.type(), station.address(), station.status(),
                station.location(), station.amenities(), hours, today, station.isActive() && hours.isOpenAt(now),
                hours.aroundTheClockOn(today), hours.rangesOn(today), reports.todayAt(station.id()));
    }
}
