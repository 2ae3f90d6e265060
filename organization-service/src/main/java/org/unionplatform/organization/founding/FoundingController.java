package org.unionplatform.organization.founding;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.founding.FoundingRequests.FoundingResponse;
import org.unionplatform.organization.founding.FoundingRequests.RecordStep;
import org.unionplatform.organization.founding.FoundingRequests.StartFounding;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Founding a union step by step. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations/foundings")
class FoundingController {

    private final FoundingService service;

    FoundingController(FoundingService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FoundingResponse start(@Valid @RequestBody StartFounding request, Caller caller) {
        return FoundingResponse.of(service.start(request, caller));
    }

    @GetMapping
    PageResponse<FoundingResponse> list(@RequestParam(required = false) Founding.Status status,
            @Valid PageQuery page, Caller caller) {
        AccessScope scope = readable(caller);
        Criteria criteria = scope.subtree("orgPath");
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, where("status").is(status));
        }
        return PageResponse.of(service.page(criteria, page.toPageRequest(Sort.by("startedAt", "_id"))),
                FoundingResponse::of);
    }

    @GetMapping("/{id}")
    FoundingResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        readable(caller);
        return FoundingResponse.of(service.requireVisible(id, caller));
    }

    @PostMapping("/{id}/steps")
    FoundingResponse recordStep(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody RecordStep request, Caller caller) {
        return FoundingResponse.of(service.recordStep(id, request, caller));
    }

    private static AccessScope readable(Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ADMIN, Role.ORGANIZER, Role.BENEFIT_OFFICER);
        return scope;
    }
}
