package org.unionplatform.organization.founding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.founding.FoundingRequests.Approve;
import org.unionplatform.organization.founding.FoundingRequests.FoundingResponse;
import org.unionplatform.organization.founding.FoundingRequests.RecordStep;
import org.unionplatform.organization.founding.FoundingRequests.StartFounding;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Founding a union step by step. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations/foundings")
class FoundingController {

    private static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";
    private static final String WRITERS = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Foundings foundings;

    FoundingController(Foundings foundings) {
        this.foundings = foundings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    FoundingResponse start(@Valid @RequestBody StartFounding request, Caller caller) {
        return FoundingResponse.of(foundings.start(request, caller));
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<FoundingResponse> list(@RequestParam(required = false) Founding.Status status,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(foundings.list(status, page.toPageRequest(Sort.by("startedAt", "_id")), caller),
                FoundingResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    FoundingResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return FoundingResponse.of(foundings.get(id, caller));
    }

    @PostMapping("/{id}/steps")
    @PreAuthorize(WRITERS)
    FoundingResponse recordStep(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody RecordStep request, Caller caller) {
        return FoundingResponse.of(foundings.recordStep(id, request, caller));
    }

    /** The union one level up approves the founding: organizers whose scope reaches the founding's parent. */
    @PostMapping("/{id}/approval")
    @PreAuthorize(WRITERS)
    FoundingResponse approve(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody Approve request, Caller caller) {
        return FoundingResponse.of(foundings.approve(id, request, caller));
    }
}
