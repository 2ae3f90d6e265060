package org.unionplatform.organization.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionplatform.organization.tree.OrganizationRequests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the consultation endpoints accept. */
final class ConsultationRequests {

    private ConsultationRequests() {
    }

    /**
     * @param organizationId the union that leads the round (in the caller's scope)
     * @param companyId      the platform or company across the table (visible to the caller)
     * @param opinionsUntil  workers' opinions are taken through this day (today or later, not after the meeting)
     */
    record PlanRound(@NotBlank @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @NotBlank @Pattern(regexp = OrganizationRequests.ID) String companyId,
            @NotBlank @Size(max = 100) String title, @NotEmpty @Size(max = 5) Set<@NotNull Topic> topics,
            @Size(max = 40) List<@Valid @NotNull ParticipantRequest> participants, @NotNull LocalDate plannedOn,
            @NotNull LocalDate opinionsUntil) {
    }

    record ParticipantRequest(@NotBlank @Size(max = 50) String name, @NotNull Consultation.Side side,
            @Size(max = 50) String role) {
    }

    /** A worker's opinion; {@code name} is kept only when not anonymous. */
    record GiveOpinion(@NotNull Topic topic, @NotBlank @Size(max = 1000) String text, boolean anonymous,
            @Size(max = 30) String name, @Size(max = 40) String workerType) {
    }

    record RecordOutcome(@NotNull LocalDate heldOn, @NotNull Consultation.OutcomeKind kind,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 30) List<@Valid @NotNull FollowUpRequest> followUps) {
    }

    record FollowUpRequest(@NotBlank @Size(max = 500) String what, @NotNull LocalDate dueOn) {
    }

    record MarkDone(@Size(max = 500) String note) {
    }
}
