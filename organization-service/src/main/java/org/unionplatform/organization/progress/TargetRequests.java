package org.unionplatform.organization.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Request and response records of targets and progress. */
final class TargetRequests {

    private TargetRequests() {
    }

    record TargetValues(
            @NotNull @Size(max = 20) Map<@NotNull @KnownWorkerType String, @NotNull @Min(0) @Max(10_000_000) Long> newMembers,
            @Min(0) @Max(100_000) Long unionsFounded) {
    }

    record Allocation(@NotNull @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @NotNull @Size(max = 20) Map<@NotNull @KnownWorkerType String, @NotNull @Min(0) @Max(10_000_000) Long> newMembers,
            @Min(0) @Max(100_000) Long unionsFounded) {
    }

    record SplitTarget(@NotEmpty @Size(max = 200) List<@NotNull @Valid Allocation> allocations) {
    }

    /** A target; {@code parentId}: the organisation whose split holds it (it follows moves). */
    record TargetResponse(String organizationId, String parentId, int year, Map<String, Long> newMembers,
            long totalNewMembers, long unionsFounded, Instant setAt, String setBy) {

        static TargetResponse of(Target target) {
            return new TargetResponse(target.organizationId(), target.parentId(), target.year(), target.newMembers(),
                    target.totalNewMembers(), target.unionsFounded(), target.setAt(), target.setBy());
        }
    }

    /**
     * Target against achievement for one organisation's subtree and year.
     *
     * @param completionPercent achieved / target * 100 per worker type, rounded to one decimal; null without a target
     */
    record Progress(String organizationId, String organizationName, int year, Map<String, Long> targetNewMembers,
            long targetTotal, long targetUnionsFounded, Map<String, Long> newMembers, long newMembersTotal,
            long unionsFounded, Map<String, Double> completionPercent, Double totalCompletionPercent,
            Double unionsCompletionPercent) {
    }

    record ProgressResponse(Progress organization, List<Progress> children) {
    }
}
