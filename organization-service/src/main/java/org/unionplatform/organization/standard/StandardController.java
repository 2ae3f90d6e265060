package org.unionplatform.organization.standard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.organization.tree.OrganizationRequests;

/**
 * The standard of union organisations (docs/organizations.md, "Union standards"). Reads: ADMIN, ORGANIZER and
 * BENEFIT_OFFICER in scope; assessing and checking: ADMIN, ORGANIZER.
 */
@RestController
@Validated
@RequestMapping("/api/organizations")
class StandardController {

    private static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";
    private static final String WRITERS = "hasAnyRole('ADMIN','ORGANIZER')";

    record Submit(@NotNull @Size(max = 50) Map<@NotBlank @Size(max = 40) String, @NotNull Boolean> results,
            @Size(max = 1000) String notes) {
    }

    record Return(@NotBlank @Size(max = 500) String reason) {
    }

    record StandardView(List<StandardProperties.Item> items, long rewardPerUnion) {
    }

    record AssessmentView(String id, String organizationId, List<StandardAssessment.Answer> answers, String result,
            String notes, String status, String submittedBy, Instant submittedAt, String checkedBy, Instant checkedAt,
            String returnReason) {

        static AssessmentView of(StandardAssessment a) {
            return new AssessmentView(a.id(), a.organizationId(), a.answers(), a.result().name(), a.notes(),
                    a.status().name(), a.submittedBy(), a.submittedAt(), a.checkedBy(), a.checkedAt(),
                    a.returnReason());
        }
    }

    record AllocationView(String organizationId, String organizationName, String orgPath, long amount,
            String assessmentId, String confirmedBy, Instant confirmedAt) {
    }

    /** The reward fund's allocations in a subtree: one line per new union whose pass was confirmed. */
    record AllocationsView(long rewardPerUnion, int unions, long total, List<AllocationView> allocations) {
    }

    private final StandardAssessments assessments;

    StandardController(StandardAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/standard")
    @PreAuthorize(READERS)
    StandardView standard() {
        return new StandardView(assessments.standard(), assessments.rewardPerUnion());
    }

    @PostMapping("/{id}/standard-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    AssessmentView submit(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody Submit request, Caller caller) {
        return AssessmentView.of(assessments.submit(id, request.results(), blankToNull(request.notes()), caller));
    }

    @GetMapping("/{id}/standard-assessments")
    @PreAuthorize(READERS)
    List<AssessmentView> history(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return assessments.history(id, caller).stream().map(AssessmentView::of).toList();
    }

    @PostMapping("/standard-assessments/{assessmentId}/confirmation")
    @PreAuthorize(WRITERS)
    AssessmentView confirm(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String assessmentId, Caller caller) {
        return AssessmentView.of(assessments.confirm(assessmentId, caller));
    }

    @PostMapping("/standard-assessments/{assessmentId}/return")
    @PreAuthorize(WRITERS)
    AssessmentView returnIt(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String assessmentId,
            @Valid @RequestBody Return request, Caller caller) {
        return AssessmentView.of(assessments.returnWith(assessmentId, request.reason().strip(), caller));
    }

    @GetMapping("/{id}/reward-allocations")
    @PreAuthorize(READERS)
    AllocationsView allocations(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        List<AllocationView> lines = assessments.allocations(id, caller).stream()
                .map(a -> new AllocationView(a.union().id(), a.union().name(), a.union().path(),
                        a.allocation().amount(), a.allocation().assessmentId(), a.allocation().confirmedBy(),
                        a.allocation().confirmedAt()))
                .toList();
        return new AllocationsView(assessments.rewardPerUnion(), lines.size(),
                lines.stream().mapToLong(AllocationView::amount).sum(), lines);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
