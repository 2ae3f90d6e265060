package org.unionplatform.station.counting;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.station.Stations;

/** Visit figures of one station, and rolled up over a division or organisation subtree within the caller's scope. */
@RestController
@Validated
@PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','STATION_ATTENDANT')")
class VisitCountController {

    private static final int MAX_RANGE_DAYS = 366;

    private final VisitCounts counts;
    private final VisitPatterns patterns;
    private final Stations stations;

    VisitCountController(VisitCounts counts, VisitPatterns patterns, Stations stations) {
        this.counts = counts;
        this.patterns = patterns;
        this.stations = stations;
    }

    @GetMapping("/api/stations/{id}/visit-counts")
    VisitCounts.Figures station(Caller caller, @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String stationId = stations.readable(caller, id).id();
        LocalDate end = to == null ? counts.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        checkRange(start, end);
        return counts.forStation(stationId, start, end);
    }

    @GetMapping("/api/checkins/counts")
    VisitCounts.Figures rollUp(Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "[1-9]\\d{5}") String divisionCode,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? counts.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        checkRange(start, end);
        return counts.rollUp(caller, divisionCode, organizationId, start, end);
    }

    /** The busiest hours of an organisation's stations: visits by weekday and hour (default the last 30 days). */
    @GetMapping("/api/checkins/week-hours")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    VisitPatterns.WeekHours weekHours(Caller caller,
            @RequestParam @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? counts.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        checkRange(start, end, VisitPatterns.MAX_RANGE_DAYS);
        return patterns.weekHours(caller, organizationId, start, end);
    }

    /** Per county-level division under an organisation: active stations and their visits (default 30 days). */
    @GetMapping("/api/stations/coverage")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    VisitPatterns.Coverage coverage(Caller caller,
            @RequestParam @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? counts.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        checkRange(start, end, VisitPatterns.MAX_RANGE_DAYS);
        return patterns.coverage(caller, organizationId, start, end);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        checkRange(from, to, MAX_RANGE_DAYS);
    }

    private static void checkRange(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to) || from.plusDays(maxDays).isBefore(to)) {
            throw new BusinessRuleViolationException("invalid-date-range",
                    "from must not be after to, and the range at most " + maxDays + " days.");
        }
    }
}
