package org.unionplatform.organization.tree;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.MoveOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.OrganizationResponse;
import org.unionplatform.organization.tree.OrganizationRequests.SubtreeSummary;
import org.unionplatform.organization.tree.OrganizationRequests.UpdateOrganization;

/** The union tree. Reads: ADMIN, and ORGANIZER / BENEFIT_OFFICER in their subtree; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";
    static final String WRITERS = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Organizations organizations;
    private final OrganizationViews views;

    OrganizationController(Organizations organizations, OrganizationViews views) {
        this.organizations = organizations;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    OrganizationResponse create(@Valid @RequestBody CreateOrganization request, Caller caller) {
        return OrganizationResponse.of(organizations.create(request, caller));
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<OrganizationResponse> list(@RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) @Pattern(regexp = OrganizationRequests.ID) String parentId,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(organizations.list(kind, parentId, page.toPageRequest(OrganizationRepository.STABLE),
                caller), OrganizationResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    OrganizationResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return OrganizationResponse.of(organizations.get(id, caller));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    OrganizationResponse update(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody UpdateOrganization request, Caller caller) {
        return OrganizationResponse.of(organizations.update(id, request, caller));
    }

    @PostMapping("/{id}/move")
    @PreAuthorize(WRITERS)
    OrganizationResponse move(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody MoveOrganization request, Caller caller) {
        return OrganizationResponse.of(organizations.move(id, request.newParentId(), caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(WRITERS)
    void delete(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        organizations.delete(id, caller);
    }

    @GetMapping("/{id}/children")
    @PreAuthorize(READERS)
    PageResponse<OrganizationResponse> children(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(organizations.children(id, page.toPageRequest(OrganizationRepository.STABLE), caller),
                OrganizationResponse::of);
    }

    @GetMapping("/{id}/descendants")
    @PreAuthorize(READERS)
    PageResponse<OrganizationResponse> descendants(
            @PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) @Size(max = 50) String name, @Valid PageQuery page, Caller caller) {
        return PageResponse.of(organizations.descendants(id, kind, name,
                page.toPageRequest(OrganizationRepository.STABLE), caller), OrganizationResponse::of);
    }

    /** Subtree totals: one read of the organisation's tally, whatever the size of the subtree. */
    @GetMapping("/{id}/summary")
    @PreAuthorize(READERS)
    SubtreeSummary summary(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return views.summary(id, caller);
    }
}
