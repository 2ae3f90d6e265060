package org.unionplatform.membership.bulk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.member.Union;

// Over 200 lines: twenty-two stored fields and their accessors; the rules are the five transition methods.
/**
 * One uploaded file and its progress: QUEUED, RUNNING, then DONE or FAILED; an unfinished one may be queued again
 * from its first row (a resume). A status change in the wrong state throws (409). Only the instance running the
 * enrolment changes it; the counters advance with each batch, and {@code updatedAt} with them (its instance
 * also marks it every minute), so an enrolment nobody advances any more (its instance stopped) can be told from a
 * running one. A dry run goes the same way but enrols nobody: its {@code enrolled} counts who would be enrolled.
 */
@Document("bulk_enrolments")
class BulkEnrolment {

    enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** What one batch added to the counters ({@code held}: for a union being founded, admitted on its approval). */
    record Progress(long done, long enrolled, long alreadyMembers, long rejected, long held) {
    }

    /** The organizer's choice for one column of the file: the field it holds, or {@value Columns#NOT_READ}. */
    record ChosenColumn(String column, String field) {
    }

    @Id
    private final String id;
    private final String organizationId;
    private final String organizationName;
    private final String orgPath;
    private final String fileName;
    private String format;
    private final String encoding;
    @Indexed // unfinished uploads are resumed by status
    private Status status;
    private long total;
    private long done;
    private long enrolled;
    private long alreadyMembers;
    private long rejected;
    private long held;
    private String failure;
    private final String createdBy;
    private final Instant createdAt;
    private Instant finishedAt;
    private Instant updatedAt;
    private final boolean dryRun;
    private final List<ChosenColumn> chosenColumns;
    private RosterMapping mapping;

    @PersistenceCreator
    BulkEnrolment(String id, String organizationId, String organizationName, String orgPath, String fileName,
            String format, String encoding, Status status, long total, long done, long enrolled, long alreadyMembers,
            long rejected, long held, String failure, String createdBy, Instant createdAt, Instant finishedAt,
            Instant updatedAt, boolean dryRun, List<ChosenColumn> chosenColumns, RosterMapping mapping) {
        this.id = id;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.fileName = fileName;
        this.format = format;
        this.encoding = encoding;
        this.status = status;
        this.total = total;
        this.done = done;
        this.enrolled = enrolled;
        this.alreadyMembers = alreadyMembers;
        this.rejected = rejected;
        this.held = held;
        this.failure = failure;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.finishedAt = finishedAt;
        this.updatedAt = updatedAt;
        this.dryRun = dryRun;
        this.chosenColumns = chosenColumns == null ? List.of() : List.copyOf(chosenColumns);
        this.mapping = mapping;
    }

    /**
     * A file accepted for {@code union}, waiting for the background worker; a dry run enrols nobody.
     * {@code chosen}: the organizer's mapping, column -> field, before what the vocabulary finds.
     */
    static BulkEnrolment queue(String id, Union union, String fileName, String by, Instant now, boolean dryRun,
            Map<String, String> chosen) {
        return new BulkEnrolment(id, union.organizationId(), union.name(), union.orgPath(), fileName, null, null,
                Status.QUEUED, 0, 0, 0, 0, 0, 0, null, by, now, null, now, dryRun,
                chosen.entrySet().stream().map(entry -> new ChosenColumn(entry.getKey(), entry.getValue())).toList(),
                null);
    }

    /** The worker took it: {@code rows} rows (header excluded) read as {@code format}. */
    void start(long rows, String readAs, Instant now) {
        require(Status.QUEUED, "start");
        status = Status.RUNNING;
        total = rows;
        format = readAs;
        updatedAt = now;
    }

    /** What the run made of the file so far (stored by the repository with the batch's progress). */
    void mapped(RosterMapping read) {
        require(Status.RUNNING, "map");
        mapping = read;
    }

    /** One batch is stored: its members, events and report lines. */
    void advance(Progress batch, Instant now) {
        require(Status.RUNNING, "advance");
        done += batch.done();
        enrolled += batch.enrolled();
        alreadyMembers += batch.alreadyMembers();
        rejected += batch.rejected();
        held += batch.held();
        updatedAt = now;
    }

    void finish(Instant now) {
        require(Status.RUNNING, "finish");
        status = Status.DONE;
        finishedAt = now;
        updatedAt = now;
    }

    /** Stops for good with a reason the uploader can act on. */
    void fail(String reason, Instant now) {
        requireUnfinished("fail");
        status = Status.FAILED;
        failure = reason;
        finishedAt = now;
        updatedAt = now;
    }

    /** Queued again from its first row: the counters start over (the batches repeat exactly). */
    void restart(Instant now) {
        requireUnfinished("restart");
        status = Status.QUEUED;
        done = 0;
        enrolled = 0;
        alreadyMembers = 0;
        rejected = 0;
        held = 0;
        updatedAt = now;
    }

    boolean isUnfinished() {
        return status == Status.QUEUED || status == Status.RUNNING;
    }

    /** The stored {@code updatedAt} as read (null for one never advanced): what a compare-and-set compares. */
    Instant updatedAtAsStored() {
        return updatedAt;
    }

    /** When its instance last advanced it (or marked it as held). */
    Instant lastAdvanced() {
        return updatedAt == null ? createdAt : updatedAt;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** The organizer's mapping, column -> field, in the order given. */
    Map<String, String> chosenColumns() {
        Map<String, String> chosen = new LinkedHashMap<>();
        chosenColumns.forEach(column -> chosen.put(column.column(), column.field()));
        return chosen;
    }

    RosterMapping mapping() {
        return mapping;
    }

    Union union() {
        return new Union(organizationId, organizationName, orgPath);
    }

    private void require(Status expected, String action) {
        if (status != expected) {
            throw new ConflictException("Cannot " + action + " bulk enrolment " + id + ": it is " + status + ".");
        }
    }

    private void requireUnfinished(String action) {
        if (!isUnfinished()) {
            throw new ConflictException("Cannot " + action + " bulk enrolment " + id + ": it is " + status + ".");
        }
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String organizationName() {
        return organizationName;
    }

    String orgPath() {
        return orgPath;
    }

    String fileName() {
        return fileName;
    }

    String format() {
        return format;
    }

    String encoding() {
        return encoding;
    }

    Status status() {
        return status;
    }

    long total() {
        return total;
    }

    long done() {
        return done;
    }

    long enrolled() {
        return enrolled;
    }

    long alreadyMembers() {
        return alreadyMembers;
    }

    long rejected() {
        return rejected;
    }

    long held() {
        return held;
    }

    String failure() {
        return failure;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
