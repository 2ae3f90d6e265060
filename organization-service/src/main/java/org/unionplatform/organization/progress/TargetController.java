package org.unionplatform.organization.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.organization.progress.TargetRequests.ProgressResponse;
import org.unionplatform.organization.progress.TargetRequests.SplitTarget;
import org.unionplatform.organization.progress.TargetRequests.TargetResponse;
import org.unionplatform.organization.progress.TargetRequests.TargetValues;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRequests;
import org.unionplatform.organization.tree.Organizations;

/** Targets and progress. Reads: ADMIN, ORGANIZER and BENEFIT_OFFICER in scope; changes: ADMIN, ORGANIZER. */
@RestController
@RequestMapping("/api/organizations/{id}/targets/{year}")
class TargetController {

    private final TargetService targets;
    private final Organizations organizations;

    TargetController(TargetService targets, Organizations organizations) {
        this.targets = targets;
        this.organizations = organizations;
    }

    @GetMapping
    TargetResponse get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, Caller caller) {
        readable(caller);
        Organization organization = organizations.requireVisible(id, caller);
        return targets.find(organization.id(), year).map(TargetResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("Target", id + "/" + year));
    }

    @PutMapping
    TargetResponse set(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody TargetValues request, Caller caller) {
        return TargetResponse.of(targets.set(id, year, request, caller));
    }

    @PostMapping("/split")
    List<TargetResponse> split(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody SplitTarget request, Caller caller) {
        return targets.split(id, year, request.allocations(), caller).stream().map(TargetResponse::of).toList();
    }

    /** Target against what the subtree achieved this year, for the organisation and each of its children. */
    @GetMapping("/progress")
    ProgressResponse progress(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Min(2000) @Max(2100) int year, Caller caller) {
        readable(caller);
        Organization organization = organizations.requireVisible(id, caller);
        List<Organization> children = organizations.matching(where("parentId").is(organization.id())).stream()
                .sorted(java.util.Comparator.comparing(Organization::id)).toList();
        return new ProgressResponse(targets.progress(organization, year),
                children.stream().map(child -> targets.progress(child, year)).toList());
    }

    private static void readable(Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER, Role.BENEFIT_OFFICER);
    }
}
