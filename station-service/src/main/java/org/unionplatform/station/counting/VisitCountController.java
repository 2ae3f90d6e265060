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
    private final Stations stations;

    VisitCountController(VisitCounts counts, Stations stations) {
        this.counts = counts;
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

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new BusinessRuleViolationException("invalid-date-range",
                    "from must not be after to, and the range at most " + MAX_RANGE_DAYS + " days.");
        }
    }
}
