package org.unionplatform.station.visit;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.visit.VisitRequests.BatchResult;
import org.unionplatform.station.visit.VisitRequests.VisitBatch;
import org.unionplatform.station.visit.VisitRequests.VisitItem;
import org.unionplatform.station.visit.VisitRequests.VisitResult;

/** Attendants log visits at their own stations: one at a time, or an offline batch with a result per item. */
@RestController
@RequestMapping("/api/checkins")
@PreAuthorize("hasAnyRole('ADMIN','STATION_ATTENDANT')")
class VisitController {

    private final Visits visits;
    private final StationProperties properties;

    VisitController(Visits visits, StationProperties properties) {
        this.visits = visits;
        this.properties = properties;
    }

    /**
     * 201 created, 202 kept but flagged (late, or the station is suspended), 200 for a duplicate (the same result
     * again), 409 for a visit id already used by another visit, 404 for a station not the caller's, else 422.
     */
    @PostMapping
    ResponseEntity<VisitResult> record(Caller caller, @RequestBody VisitItem item) {
        VisitResult result = visits.record(caller, item);
        return switch (result.outcome()) {
            case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(result);
            case FLAGGED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
            case DUPLICATE -> ResponseEntity.ok(result);
            case CONFLICT -> throw new ConflictException("Visit id " + item.visitId() + " is already another"
                    + " visit's (another station, attendant or content); this visit was not recorded.");
            case REJECTED -> throw "STATION_NOT_FOUND".equals(result.reason())
                    ? new ResourceNotFoundException("Station", item.stationId())
                    : new BusinessRuleViolationException(result.reason(), "The visit was not recorded: "
                            + result.reason());
        };
    }

    @PostMapping("/batch")
    BatchResult recordBatch(Caller caller, @Valid @RequestBody VisitBatch batch) {
        if (batch.visits().size() > properties.visits().maxBatch()) {
            throw new BusinessRuleViolationException("batch-too-large",
                    "At most " + properties.visits().maxBatch() + " visits per upload.");
        }
        return BatchResult.of(visits.recordAll(caller, batch.visits()));
    }
}
