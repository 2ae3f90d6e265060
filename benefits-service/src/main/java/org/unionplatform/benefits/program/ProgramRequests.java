package org.unionplatform.benefits.program;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.workers.KnownWorkerType;

/** Request bodies of the program endpoints. */
final class ProgramRequests {

    private ProgramRequests() {
    }

    record CreateProgram(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String kind,
            @Size(max = 40) String season, @Size(max = 1000) String description,
            @NotBlank @Size(max = 100) String organizationId, @NotBlank @Size(max = 500) String orgPath,
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @PositiveOrZero Long budgetFen, @Positive Long amountPerGrantFen, @Positive Long perClaimCeilingFen,
            @PositiveOrZero Long stock, @Positive @Max(1000) Integer itemsPerGrant, @Size(max = 100) String itemName,
            @Valid Limit memberLimit, @Valid Rules eligibility, @Min(0) @Max(365) Integer revokeWindowDays,
            Audience audience) {
    }

    record Limit(@Min(1) @Max(100) int count, LimitPeriod per, @Size(max = 100) String sharedKey) {
    }

    record Rules(@Size(max = 10) List<@NotBlank @Size(max = 40) String> statuses,
            @Size(max = 20) List<@NotBlank @KnownWorkerType String> workerTypes,
            @Size(max = 2) List<@NotBlank @Size(max = 10) String> genders,
            @Min(0) @Max(36500) Integer minMembershipDays, Boolean hardshipRequired) {
    }

    record AddStock(@Positive @Max(1_000_000) long items) {
    }
}
