package org.unionplatform.organization.tree;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.common.reference.KnownDivision;

/** Request and response records of the organisation endpoints. */
public final class OrganizationRequests {

    /** Organisation ids: readable demo ids or UUIDs; never a character a path or a regex would interpret. */
    public static final String ID = "[A-Za-z0-9_-]{1,64}";

    private OrganizationRequests() {
    }

    public record CreateOrganization(@NotBlank @Size(max = 100) String name, @NotNull OrganizationKind kind,
            @NotNull @KnownDivision String divisionCode,
            @Size(max = 20) Set<@NotNull @KnownWorkerType String> workerTypes,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> platforms,
            @Pattern(regexp = ID) String parentId) {
    }

    record UpdateOrganization(@NotBlank @Size(max = 100) String name, @NotNull @KnownDivision String divisionCode,
            @Size(max = 20) Set<@NotNull @KnownWorkerType String> workerTypes,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> platforms) {
    }

    record MoveOrganization(@NotNull @Pattern(regexp = ID) String newParentId) {
    }

    public record OrganizationResponse(String id, String name, OrganizationKind kind, String kindLabel,
            String divisionCode, List<String> workerTypes, List<String> platforms, String parentId, String orgPath,
            int depth, Instant createdAt, Instant updatedAt) {

        public static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(o.id(), o.name(), o.kind(), o.kind().label(), o.divisionCode(),
                    o.workerTypes().stream().sorted().toList(), o.platforms().stream().sorted().toList(),
                    o.parentId(), o.path(), o.depth(), o.createdAt(), o.updatedAt());
        }
    }

    /** Subtree totals, read from the organisation's tally (the organisation itself included). */
    record SubtreeSummary(String organizationId, String orgPath, long descendants,
            Map<String, Long> organizationsByKind, long members, Map<String, Long> membersByWorkerType,
            Map<String, Long> companiesByStatus, long unionsFounded, long membersInHardship) {
    }
}
