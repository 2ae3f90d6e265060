package org.unionplatform.organization.progress;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.organization.progress.TargetRequests.ProgressResponse;
import org.unionplatform.organization.progress.TargetRequests.SplitTarget;
import org.unionplatform.organization.progress.TargetRequests.TargetResponse;
import org.unionplatform.organization.progress.TargetRequests.TargetValues;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Targets and progress. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations/{id}/targets/{year}")
class TargetController {

    private static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";
    private static final String WRITERS = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Targets targets;

    TargetController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping
    @PreAuthorize(READERS)
    TargetResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, Caller caller) {
        return TargetResponse.of(targets.get(id, year, caller));
    }

    @PutMapping
    @PreAuthorize(WRITERS)
    TargetResponse set(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody TargetValues request, Caller caller) {
        return TargetResponse.of(targets.set(id, year, request, caller));
    }

    @PostMapping("/split")
    @PreAuthorize(WRITERS)
    List<TargetResponse> split(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody SplitTarget request, Caller caller) {
        return targets.split(id, year, request.allocations(), caller).stream().map(TargetResponse::of).toList();
    }

    /** Target against what the subtree achieved this year, for the organisation and each of its children. */
    @GetMapping("/progress")
    @PreAuthorize(READERS)
    ProgressResponse progress(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, Caller caller) {
        return targets.progress(id, year, caller);
    }
}
