package org.unionplatform.membership.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.unionplatform.membership.bulk.BulkReportChunk.Kind;
import org.unionplatform.membership.bulk.BulkReportChunk.Line;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Worker;

import jakarta.validation.ConstraintViolation;

/**
 * The rows of one run of one file, processed a batch at a time: validate each row with the same rules as the
 * application form, enrol the new people ({@link BulkMembers}), store the batch's report lines, advance the
 * enrolment. Memory holds one batch plus the ID hashes seen in this file (to report a person listed twice).
 */
final class BulkBatches {

    /** A batch is tried this often, pausing 1, 2, 4, 8 s between attempts, before the enrolment stops. */
    static final int ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(BulkBatches.class);

    private record Row(long line, List<String> cells) {
    }

    private final BulkEnrolment enrolment;
    private final BulkBatchStep step;
    private final Map<String, Long> lineByPerson = new HashMap<>();
    private final List<Row> pending = new ArrayList<>();
    private final List<Line> report = new ArrayList<>();
    private Columns columns;
    private String failure;
    private int sequence;

    BulkBatches(BulkEnrolment enrolment, BulkBatchStep step) {
        this.enrolment = enrolment;
        this.step = step;
    }

    /** Why the file fails as a whole (a header without a required column), or null. */
    String failure() {
        return failure;
    }

    void row(long line, List<String> cells) {
        if (columns == null) {
            columns = Columns.fromHeader(cells);
            columns.missingRequired().ifPresent(field -> failure =
                    "The header row has no column for " + field + " (e.g. " + Columns.REQUIRED + ").");
            return;
        }
        if (failure != null) {
            return;
        }
        pending.add(new Row(line, cells));
        if (pending.size() >= step.properties.batchSize()) {
            flush();
        }
    }

    /**
     * Processes the pending rows as one batch. A database failure repeats the whole batch after a pause
     * (exactly: members this enrolment inserted in a failed attempt count as enrolled, not as already
     * members), so a moment of database trouble does not end an upload of 100,000 rows part-way.
     */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                flushOnce();
                break;
            } catch (DataAccessException e) {
                report.clear();
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("Bulk enrolment {}: batch from line {} failed ({}), attempt {} of {}; retrying",
                        enrolment.id(), pending.getFirst().line(), e.getClass().getSimpleName(), attempt, ATTEMPTS);
                pause(RETRY_PAUSE.multipliedBy(1L << (attempt - 1)));
            }
        }
        pending.clear();
        report.clear();
    }

    private void flushOnce() {
        Map<String, BulkMembers.Candidate> candidates = new LinkedHashMap<>();
        for (Row row : pending) {
            PersonDetails details = withWorkerTypeCode(columns.details(row.cells()));
            Set<ConstraintViolation<PersonDetails>> violations = step.validator.validate(details);
            if (!violations.isEmpty()) {
                violations.stream().sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                        .forEach(violation -> report.add(new Line(row.line(),
                                columns.header(violation.getPropertyPath().toString()), Kind.REJECTED,
                                violation.getMessage())));
                continue;
            }
            Worker worker = step.workers.protect(details);
            Long earlier = lineByPerson.putIfAbsent(worker.residentIdHash(), row.line());
            if (earlier != null && earlier != row.line()) {
                report.add(new Line(row.line(), columns.header("residentId"), Kind.REJECTED,
                        "the same person is listed on line " + earlier));
                continue;
            }
            candidates.put(worker.residentIdHash(), new BulkMembers.Candidate(row.line(), worker));
        }
        long rejected = pending.size() - candidates.size();
        var admission = step.members.admit(enrolment, candidates.values(), columns.header("residentId"), report);
        if (!admission.admitted().isEmpty()) {
            step.members.announce(enrolment.id(), pending.getFirst().line(), admission.admitted());
        }
        if (!report.isEmpty()) {
            step.enrolments.saveReport(new BulkReportChunk(enrolment.id() + ":" + sequence, enrolment.id(), sequence,
                    List.copyOf(report)));
        }
        var progress = new BulkEnrolment.Progress(pending.size(), admission.admitted().size(),
                admission.alreadyMembers(), rejected, admission.held());
        var now = step.clock.instant();
        step.enrolments.recordProgress(enrolment.id(), progress, now);
        enrolment.advance(progress, now);
        if (!report.isEmpty()) {
            sequence++; // only once the batch is done: a repeated batch rewrites the same chunk
        }
    }

    /** Bulk files often carry the worker type's Chinese label. */
    private PersonDetails withWorkerTypeCode(PersonDetails details) {
        return step.workerTypes.resolve(details.workerType())
                .map(code -> new PersonDetails(details.name(), details.residentId(), details.phone(), code,
                        details.platform(), details.companyCreditCode(), details.divisionCode()))
                .orElse(details);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bulk enrolment interrupted", e);
        }
    }
}
