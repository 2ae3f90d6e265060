package org.unionplatform.station.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/** Organizers see the visits kept apart in their scope: late uploads and visits at suspended stations. */
@RestController
@Validated
class FlaggedVisitController {

    private final FlaggedVisits flaggedVisits;

    FlaggedVisitController(FlaggedVisits flaggedVisits) {
        this.flaggedVisits = flaggedVisits;
    }

    @GetMapping("/api/checkins/flagged")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    PageResponse<FlaggedVisits.FlaggedVisit> flagged(Caller caller, @RequestParam(required = false) VisitFlag flag,
            @RequestParam(required = false) @Pattern(regexp = "[1-9]\\d{5}") String divisionCode,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            @Valid PageQuery page) {
        return PageResponse.of(flaggedVisits.list(caller, flag, divisionCode, organizationId,
                page.toPageRequest(Sort.unsorted())), visit -> visit);
    }
}
