package org.unionplatform.organization.tree;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
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
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.progress.Counters;
import org.unionplatform.organization.progress.Tallies;
import org.unionplatform.organization.progress.Tally;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.MoveOrganization;
import org.unionplatform.organization.tree.OrganizationRequests.OrganizationResponse;
import org.unionplatform.organization.tree.OrganizationRequests.SubtreeSummary;
import org.unionplatform.organization.tree.OrganizationRequests.UpdateOrganization;

/** The union tree. Reads: ADMIN, and ORGANIZER / BENEFIT_OFFICER in their subtree; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    private final OrganizationService service;
    private final Organizations organizations;
    private final Tallies tallies;

    OrganizationController(OrganizationService service, Organizations organizations, Tallies tallies) {
        this.service = service;
        this.organizations = organizations;
        this.tallies = tallies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationResponse create(@Valid @RequestBody CreateOrganization request, Caller caller) {
        return OrganizationResponse.of(service.create(request, caller));
    }

    @GetMapping
    PageResponse<OrganizationResponse> list(@RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) @Pattern(regexp = OrganizationRequests.ID) String parentId,
            @Valid PageQuery page, Caller caller) {
        AccessScope scope = readable(caller);
        Criteria criteria = scope.subtree("path");
        if (kind != null) {
            criteria = new Criteria().andOperator(criteria, where("kind").is(kind));
        }
        if (parentId != null) {
            criteria = new Criteria().andOperator(criteria, where("parentId").is(parentId));
        }
        return PageResponse.of(organizations.page(criteria, page.toPageRequest(Organizations.STABLE)),
                OrganizationResponse::of);
    }

    @GetMapping("/{id}")
    OrganizationResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        readable(caller);
        return OrganizationResponse.of(organizations.requireVisible(id, caller));
    }

    @PutMapping("/{id}")
    OrganizationResponse update(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody UpdateOrganization request, Caller caller) {
        return OrganizationResponse.of(service.update(id, request, caller));
    }

    @PostMapping("/{id}/move")
    OrganizationResponse move(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody MoveOrganization request, Caller caller) {
        return OrganizationResponse.of(service.move(id, request.newParentId(), caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        service.delete(id, caller);
    }

    @GetMapping("/{id}/children")
    PageResponse<OrganizationResponse> children(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid PageQuery page, Caller caller) {
        readable(caller);
        Organization parent = organizations.requireVisible(id, caller);
        return PageResponse.of(organizations.page(where("parentId").is(parent.id()),
                page.toPageRequest(Organizations.STABLE)), OrganizationResponse::of);
    }

    @GetMapping("/{id}/descendants")
    PageResponse<OrganizationResponse> descendants(
            @PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(required = false) OrganizationKind kind, @Valid PageQuery page, Caller caller) {
        readable(caller);
        Organization root = organizations.requireVisible(id, caller);
        Criteria criteria = Organizations.descendantsOf(root.path());
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        return PageResponse.of(organizations.page(criteria, page.toPageRequest(Organizations.STABLE)),
                OrganizationResponse::of);
    }

    /** Subtree totals: one read of the organisation's tally, whatever the size of the subtree. */
    @GetMapping("/{id}/summary")
    SubtreeSummary summary(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        readable(caller);
        Organization root = organizations.requireVisible(id, caller);
        Map<String, Long> counters = tallies.counters(root.id(), Tally.ALL);
        Map<String, Long> kinds = group(counters, Counters.ORGANIZATIONS);
        Map<String, Long> members = group(counters, Counters.MEMBERS);
        long organizationsTotal = kinds.values().stream().mapToLong(Long::longValue).sum();
        return new SubtreeSummary(root.id(), root.path(), Math.max(0, organizationsTotal - 1), kinds,
                members.values().stream().mapToLong(Long::longValue).sum(), members,
                group(counters, Counters.COMPANIES), counters.getOrDefault(Counters.UNIONS_FOUNDED, 0L));
    }

    static Map<String, Long> group(Map<String, Long> counters, String prefix) {
        Map<String, Long> group = new LinkedHashMap<>();
        counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> group.put(e.getKey().substring(prefix.length()), e.getValue()));
        return group;
    }

    private static AccessScope readable(Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ADMIN, Role.ORGANIZER, Role.BENEFIT_OFFICER);
        return scope;
    }
}
