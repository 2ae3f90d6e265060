package org.unionplatform.membership.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * The rows of one run of one file, processed a batch at a time: find the header (below a title row or two, as
 * exports have them) and read it with {@link Columns}, validate each row with the same rules as the application
 * form, enrol the new people ({@link BulkMembers}) or, in a dry run, only look up who already is a member, store
 * the batch's report lines, advance the enrolment and keep what it made of the file ({@link RosterMapping}). Memory
 * holds one batch, the ID hashes seen in this file (to report a person listed twice), the first rows and at most
 * {@value RosterMapping#MAX_VALUES} translated values.
 */
final class BulkBatches {

    /** A batch is tried this often, pausing 1, 2, 4, 8 s between attempts, before the enrolment stops. */
    static final int ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(BulkBatches.class);
    /** The header is looked for in this many first rows (a title, a date, a blank-looking row above it). */
    private static final int HEADER_SEARCH = 5;

    private record Row(long line, List<String> cells) {
    }

    private final BulkEnrolment enrolment;
    private final BulkBatchStep step;
    private final String unionDivision;
    private final String occupationWords;
    private final Map<String, Long> lineByPerson = new HashMap<>();
    private final List<Row> pending = new ArrayList<>();
    private final List<Line> report = new ArrayList<>();
    private final List<Columns.Translation> translated = new ArrayList<>();
    private final Map<Columns.Translation, Long> translations = new LinkedHashMap<>();
    private final List<List<String>> firstRows = new ArrayList<>();
    private Columns columns;
    private Columns firstCandidate;
    private long firstLine;
    private long headerLine;
    private long rowsAbove;
    private long aboveNotCounted;
    private boolean mappingChanged;
    private String failure;
    private int sequence;

    /** {@code unionDivision}: the union's own division, for rows without one (null: such rows are refused). */
    BulkBatches(BulkEnrolment enrolment, BulkBatchStep step, String unionDivision) {
        this.enrolment = enrolment;
        this.step = step;
        this.unionDivision = unionDivision;
        this.occupationWords = String.join("、", step.vocabulary.occupationWords().values().stream()
                .map(List::getFirst).toList()) + "，或外卖骑手、快递小哥、货运司机、代驾等常用叫法";
    }

    /** Why the file fails as a whole (a header without a required column), or null. */
    String failure() {
        return failure;
    }

    void row(long line, List<String> cells) {
        if (columns == null) {
            header(line, cells);
            return;
        }
        if (failure != null) {
            return;
        }
        if (firstRows.size() < step.properties.firstRows()) {
            firstRows.add(columns.shown(cells));
            mappingChanged = true;
        }
        pending.add(new Row(line, cells));
        if (pending.size() >= step.properties.batchSize()) {
            flush();
        }
    }

    /** The first row naming at least two fields is the header; rows above it (a title) are skipped. */
    private void header(long line, List<String> cells) {
        Columns candidate = Columns.fromHeader(cells, enrolment.chosenColumns(), step.vocabulary, step.places,
                unionDivision);
        if (firstCandidate == null) {
            firstCandidate = candidate;
            firstLine = line;
        }
        if (candidate.failure().isEmpty() || candidate.fieldsFound() >= 2) {
            columns = candidate;
        } else if (rowsAbove + 1 < HEADER_SEARCH) {
            rowsAbove++;
            return;
        } else {
            noHeader();
            return;
        }
        headerLine = line;
        aboveNotCounted = rowsAbove;
        failure = columns.failure().orElse(null);
        mappingChanged = true;
    }

    /** No row looks like a header: the first row is taken as one, and what it lacks is the failure. */
    private void noHeader() {
        columns = firstCandidate;
        headerLine = firstLine;
        rowsAbove = 0;
        failure = columns.failure().orElse("表头中找不到可识别的列。");
        mappingChanged = true;
    }

    /**
     * Processes the pending rows as one batch. A database failure repeats the whole batch after a pause
     * (exactly: members this enrolment inserted in a failed attempt count as enrolled, not as already
     * members), so a moment of database trouble does not end an upload of 100,000 rows part-way.
     */
    void flush() {
        if (columns == null && firstCandidate != null) {
            noHeader();
        }
        if (!pending.isEmpty()) {
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
                            enrolment.id(), pending.getFirst().line(), e.getClass().getSimpleName(), attempt,
                            ATTEMPTS);
                    pause(RETRY_PAUSE.multipliedBy(1L << (attempt - 1)));
                }
            }
            translated.forEach(this::count);
            aboveNotCounted = 0;
            pending.clear();
            report.clear();
        }
        recordMapping();
    }

    private void flushOnce() {
        translated.clear();
        Map<String, BulkMembers.Candidate> candidates = new LinkedHashMap<>();
        Map<Long, String> notes = new HashMap<>();
        for (Row row : pending) {
            Columns.Row read = columns.read(row.cells());
            translated.addAll(read.translations());
            Set<ConstraintViolation<PersonDetails>> violations = step.validator.validate(read.details());
            if (!violations.isEmpty()) {
                reject(row.line(), violations);
                continue;
            }
            Worker worker = step.workers.protect(read.details());
            Long earlier = lineByPerson.putIfAbsent(worker.residentIdHash(), row.line());
            if (earlier != null && earlier != row.line()) {
                report.add(Line.of(row.line(), columns.header("residentId"), Kind.REJECTED,
                        RowReasons.sameAs(earlier)));
                continue;
            }
            candidates.put(worker.residentIdHash(), new BulkMembers.Candidate(row.line(), worker));
            if (read.note() != null) {
                notes.put(row.line(), read.note());
            }
        }
        long rejected = pending.size() - candidates.size();
        String idColumn = columns.header("residentId");
        long admitted;
        long already;
        long held = 0;
        if (enrolment.dryRun()) {
            Set<Long> members = step.members.alreadyMembers(candidates.values());
            for (var candidate : candidates.values()) {
                String note = notes.get(candidate.line());
                report.add(members.contains(candidate.line())
                        ? Line.of(candidate.line(), idColumn, Kind.ALREADY_MEMBER, RowReasons.ALREADY_MEMBER)
                        : note == null ? Line.of(candidate.line(), idColumn, Kind.WOULD_ENROL, RowReasons.WOULD_ENROL)
                        : new Line(candidate.line(), columns.header("divisionCode"), Kind.WOULD_ENROL,
                                RowReasons.DIVISION_DEFAULTED, "将入会；" + note));
            }
            already = members.size();
            admitted = candidates.size() - already;
        } else {
            var admission = step.members.admit(enrolment, candidates.values(), idColumn, report);
            if (!admission.admitted().isEmpty()) {
                step.members.announce(enrolment.id(), pending.getFirst().line(), admission.admitted());
            }
            Set<Long> alreadyLines = new HashSet<>();
            report.stream().filter(line -> line.kind() == Kind.ALREADY_MEMBER)
                    .forEach(line -> alreadyLines.add(line.line()));
            notes.forEach((line, note) -> {
                if (!alreadyLines.contains(line)) {
                    report.add(Line.of(line, columns.header("divisionCode"), Kind.ENROLLED,
                            RowReasons.divisionDefaulted(note)));
                }
            });
            admitted = admission.admitted().size();
            already = admission.alreadyMembers();
            held = admission.held();
        }
        report.sort(Comparator.comparingLong(Line::line));
        if (!report.isEmpty()) {
            step.enrolments.saveReport(new BulkReportChunk(enrolment.id() + ":" + sequence, enrolment.id(), sequence,
                    List.copyOf(report)));
        }
        // Title rows above the header count as done with the first batch, so done reaches the rows counted.
        var progress = new BulkEnrolment.Progress(pending.size() + aboveNotCounted, admitted, already, rejected, held);
        var now = step.clock.instant();
        step.enrolments.recordProgress(enrolment.id(), progress, now);
        enrolment.advance(progress, now);
        if (!report.isEmpty()) {
            sequence++; // only once the batch is done: a repeated batch rewrites the same chunk
        }
    }

    /** One line per field that fails, in the order of the template's columns. */
    private void reject(long line, Set<ConstraintViolation<PersonDetails>> violations) {
        Map<String, RowReasons.Reason> byField = new LinkedHashMap<>();
        violations.stream().sorted(Comparator.comparing(violation ->
                        RosterVocabulary.FIELDS.indexOf(violation.getPropertyPath().toString())))
                .forEach(violation -> byField.putIfAbsent(violation.getPropertyPath().toString(),
                        RowReasons.of(violation, occupationWords, !step.places.isEmpty())));
        byField.forEach((field, reason) -> report.add(Line.of(line, columns.header(field), Kind.REJECTED, reason)));
    }

    private void count(Columns.Translation translation) {
        if (translations.containsKey(translation) || translations.size() < RosterMapping.MAX_VALUES) {
            translations.merge(translation, 1L, Long::sum);
            mappingChanged = true;
        }
    }

    /** Stores what this run made of the file when it changed; a failed write is tried again with the next batch. */
    private void recordMapping() {
        if (!mappingChanged || columns == null) {
            return;
        }
        var mapping = new RosterMapping(headerLine, columns.mapping(), translations.entrySet().stream()
                .map(entry -> new RosterMapping.ValueMapping(entry.getKey().field(), entry.getKey().from(),
                        entry.getKey().to(), entry.getValue())).toList(), List.copyOf(firstRows));
        try {
            step.enrolments.recordMapping(enrolment.id(), mapping);
            enrolment.mapped(mapping);
            mappingChanged = false;
        } catch (DataAccessException e) {
            log.warn("Bulk enrolment {}: could not store the mapping ({})", enrolment.id(),
                    e.getClass().getSimpleName());
        }
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
