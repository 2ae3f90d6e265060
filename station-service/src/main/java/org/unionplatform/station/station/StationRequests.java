package org.unionplatform.station.station;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the station endpoints. */
final class StationRequests {

    private StationRequests() {
    }

    /**
     * Opening a station.
     *
     * @param id             optional readable id (lower-case letters, digits, '-'); a UUID when absent
     * @param organizationId the operating organisation
     * @param orgPath        its materialized path, ending with its id; must lie in the caller's subtree
     */
    record OpenStation(
            @Pattern(regexp = Stations.ID_PATTERN, message = "must be lower-case letters, digits and '-'") String id,
            @NotBlank @Size(max = 64) String organizationId,
            @NotBlank @Size(max = 500) @Pattern(regexp = "/([^/]+/)+", message = "must look like /a/b/") String orgPath,
            @NotNull @Valid StationDetails details) {
    }

    record ChangeStatus(@NotNull StationStatus status, @Size(max = 500) String reason) {
    }

    /**
     * An inspection against the standard checklist: every configured item must be answered.
     *
     * @param inspectedAt when (default now); not in the future
     * @param results     checklist item code -> passed
     */
    record RecordInspection(Instant inspectedAt, @NotEmpty Map<@NotBlank String, @NotNull Boolean> results,
            @Size(max = 1000) String notes) {
    }
}
