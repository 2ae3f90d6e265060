package org.unionplatform.station.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.station.visit.SelfCheckins.SelfCheckin;

/** A member checks in at a station themselves; the member is the one the token names, never the body. */
@RestController
class SelfCheckinController {

    private final SelfCheckins checkins;

    SelfCheckinController(SelfCheckins checkins) {
        this.checkins = checkins;
    }

    record SelfCheckinRequest(@NotBlank @Size(max = 64) String stationId) {
    }

    /** 201 counted now; 200 already counted within the hour (nothing counted); 404, 422, 503 as problems. */
    @PostMapping("/api/checkins/self")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<SelfCheckin> checkIn(Caller caller, @Valid @RequestBody SelfCheckinRequest request) {
        SelfCheckin result = checkins.checkIn(caller, request.stationId().strip());
        return ResponseEntity.status(result.counted() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
