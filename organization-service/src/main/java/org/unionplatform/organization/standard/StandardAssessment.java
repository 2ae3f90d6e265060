package org.unionplatform.organization.standard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;

/**
 * A union's own assessment against the standard, and the check of the federation one level up: SUBMITTED, then
 * CONFIRMED or RETURNED (with the reason; the union may assess again). Each item keeps its code and label as they
 * were, so an assessment stays readable when the standard changes. PASSED only if every item is met.
 */
@CompoundIndex(name = "by_union", def = "{'organizationId': 1, 'submittedAt': -1}")
@CompoundIndex(name = "pending", def = "{'organizationId': 1, 'status': 1}")
@Document(StandardAssessment.COLLECTION)
class StandardAssessment {

    static final String COLLECTION = "standard_assessments";

    enum Status { SUBMITTED, CONFIRMED, RETURNED }

    enum Result { PASSED, FAILED }

    /** One point as the union answered it. */
    record Answer(String code, String label, boolean met) {
    }

    @Id
    private String id;
    private String organizationId;
    private List<Answer> answers;
    private Result result;
    private String notes;
    private Status status;
    private String submittedBy;
    private Instant submittedAt;
    private String checkedBy;
    private Instant checkedAt;
    private String returnReason;
    @Version
    private Long version;

    StandardAssessment() {
    }

    /** Every point answered, none other (422 otherwise). */
    static StandardAssessment submit(String id, String organizationId, List<StandardProperties.Item> standard,
            Map<String, Boolean> results, String notes, String by, Instant at) {
        for (String code : results.keySet()) {
            if (standard.stream().noneMatch(item -> item.code().equals(code))) {
                throw new BusinessRuleViolationException("unknown-standard-item", "Not in the standard: " + code)
                        .with("field", "results");
            }
        }
        List<Answer> answers = new ArrayList<>();
        for (StandardProperties.Item item : standard) {
            Boolean met = results.get(item.code());
            if (met == null) {
                throw new BusinessRuleViolationException("standard-incomplete",
                        "Every point of the standard must be answered; missing: " + item.code()).with("field", "results");
            }
            answers.add(new Answer(item.code(), item.label(), met));
        }
        StandardAssessment assessment = new StandardAssessment();
        assessment.id = id;
        assessment.organizationId = organizationId;
        assessment.answers = List.copyOf(answers);
        assessment.result = answers.stream().allMatch(Answer::met) ? Result.PASSED : Result.FAILED;
        assessment.notes = notes;
        assessment.status = Status.SUBMITTED;
        assessment.submittedBy = by;
        assessment.submittedAt = at;
        return assessment;
    }

    /** The federation above confirms the union's assessment as true (a pass or a fail). */
    void confirm(String by, Instant at) {
        requireSubmitted();
        status = Status.CONFIRMED;
        checkedBy = by;
        checkedAt = at;
    }

    /** The federation above sends it back, saying why; the union assesses again. */
    void returnWith(String reason, String by, Instant at) {
        requireSubmitted();
        status = Status.RETURNED;
        returnReason = reason;
        checkedBy = by;
        checkedAt = at;
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw new ConflictException("The assessment was already " + status.name().toLowerCase() + ".")
                    .with("rule", "assessment-already-checked");
        }
    }

    boolean passed() {
        return result == Result.PASSED;
    }

    String id() { return id; }
    String organizationId() { return organizationId; }
    List<Answer> answers() { return answers; }
    Result result() { return result; }
    String notes() { return notes; }
    Status status() { return status; }
    String submittedBy() { return submittedBy; }
    Instant submittedAt() { return submittedAt; }
    String checkedBy() { return checkedBy; }
    Instant checkedAt() { return checkedAt; }
    String returnReason() { return returnReason; }
}
