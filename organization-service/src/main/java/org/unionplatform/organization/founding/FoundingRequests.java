package org.unionplatform.organization.founding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.common.reference.KnownDivision;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Request and response records of the founding workflow. */
final class FoundingRequests {

    private FoundingRequests() {
    }

    record StartFounding(@NotNull @Pattern(regexp = OrganizationRequests.ID) String parentId,
            @NotBlank @Size(max = 100) String name, @NotNull OrganizationKind kind,
            @NotNull @KnownDivision String divisionCode,
            @Size(max = 20) Set<@NotNull @KnownWorkerType String> workerTypes,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> platforms,
            @Size(max = 200) List<@NotNull @Pattern(regexp = OrganizationRequests.ID) String> companyIds) {
    }

    record RecordStep(@NotNull FoundingStep step, @NotNull LocalDate date, @Size(max = 500) String note) {
    }

    record Approve(@NotNull LocalDate date, @Size(max = 500) String note) {
    }

    record FoundingResponse(String id, String parentId, String orgPath, String name, OrganizationKind kind,
            String divisionCode, List<String> workerTypes, List<String> platforms, List<String> companyIds,
            Founding.Status status, List<Founding.StepRecord> steps, FoundingStep nextStep, String nextStepLabel,
            List<String> allSteps, String organizationId, Instant startedAt, String startedBy, LocalDate approvedOn,
            String approvedBy, Instant completedAt) {

        static FoundingResponse of(Founding f) {
            FoundingStep next = f.nextStep();
            return new FoundingResponse(f.id(), f.parentId(), f.orgPath(), f.name(), f.kind(), f.divisionCode(),
                    f.workerTypes().stream().sorted().toList(), f.platforms().stream().sorted().toList(),
                    f.companyIds(), f.status(), f.steps(), next, next == null ? null : next.label(),
                    Arrays.stream(FoundingStep.values()).map(Enum::name).toList(), f.organizationId(),
                    f.startedAt(), f.startedBy(), f.approvedOn(), f.approvedBy(), f.completedAt());
        }
    }
}
