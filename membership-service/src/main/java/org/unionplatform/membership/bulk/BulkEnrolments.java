package org.unionplatform.membership.bulk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.unionplatform.common.web.ServiceUnavailableException;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.unionplatform.membership.bulk.BulkReportChunk.Kind;
import org.unionplatform.membership.bulk.BulkReportChunk.Line;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.Channel;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.member.Worker;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bulk enrolment: the upload is spooled to disk and answered at once; one background worker then streams the
 * rows in batches: validate each row with the same rules as the application form, look the batch's people up by
 * their ID hash in one query, insert the new members in one bulk write, write their membership.approved events
 * in one outbox document ({@link BulkEnrolmentEvents}), append the batch's report lines, advance the progress
 * counters. A batch the database fails is repeated exactly. Memory holds one batch plus the ID hashes seen in
 * this file (to report a person listed twice).
 */
@Service
class BulkEnrolments implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkEnrolments.class);
    private static final String PERSON_KEY = "worker.residentId.lookupHash";
    /** A batch is tried this often, pausing 1, 2, 4, 8 s between attempts, before the enrolment stops. */
    static final int BATCH_ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** An unfinished enrolment with its file here, not held here and not advanced for this long, has stopped. */
    static final Duration STOPPED_AFTER = Duration.ofMinutes(3);
    /** An unfinished enrolment without its file here and not advanced for this long lost its instance. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final MongoOperations mongo;
    private final Workers workers;
    private final WorkerTypes workerTypes;
    private final CardNumbers cardNumbers;
    private final Validator validator;
    private final BulkProperties properties;
    private final Clock clock;
    // One file at a time per instance keeps memory and the database load bounded; a few may queue.
    // The enrolments this instance has queued or is running: never resumed as if stopped.
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4), Thread.ofPlatform().name("bulk-enrolment").daemon().factory());

    BulkEnrolments(MongoOperations mongo, Workers workers, WorkerTypes workerTypes,
            CardNumbers cardNumbers, Validator validator, BulkProperties properties, Clock clock) {
        this.mongo = mongo;
        this.workers = workers;
        this.workerTypes = workerTypes;
        this.cardNumbers = cardNumbers;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    BulkEnrolment accept(MultipartFile upload, KnownOrganization union, String by) {
        String id = UUID.randomUUID().toString();
        Path spooled;
        try {
            Files.createDirectories(properties.spoolDirectory());
            spooled = spoolFile(id);
            upload.transferTo(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool the upload", e);
        }
        var enrolment = mongo.insert(new BulkEnrolment(id, union.id(), union.name(), union.orgPath(),
                upload.getOriginalFilename(), null, null, BulkEnrolment.Status.QUEUED, 0, 0, 0, 0, 0, null, by,
                clock.instant(), null, clock.instant()));
        mine.add(id);
        try {
            worker.execute(() -> run(enrolment, spooled));
        } catch (RejectedExecutionException busy) {
            mine.remove(id);
            mongo.remove(enrolment);
            deleteQuietly(spooled);
            throw new ServiceUnavailableException("membership-service",
                    "Too many bulk enrolments are waiting; please upload again in a few minutes.");
        }
        return enrolment;
    }

    private Path spoolFile(String enrolmentId) {
        return properties.spoolDirectory().resolve(enrolmentId + ".upload");
    }

    /**
     * An enrolment whose instance stopped (a restart, a crash) starts again from its spooled file: the batches
     * repeat exactly (members it inserted count as enrolled, their events are written again under the same ids),
     * so counters, report and events end as if it had never stopped. It counts as stopped when this instance does
     * not hold it and nobody advanced it for {@link #STOPPED_AFTER}: each instance marks the enrolments it holds
     * (queued ones too) as advanced every minute, so instances sharing a spool folder never run one file twice.
     * Without the file (another host's, or a cleaned temporary folder) it is marked failed once nobody has advanced
     * it for {@link #ABANDONED_AFTER}, and the events of the members it enrolled are written again (the last
     * batch's may not have been); uploading the same file again then finishes it. Runs 15 s after start and then
     * every minute.
     */
    @Scheduled(initialDelay = 15, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void resumeInterrupted() {
        for (String held : mine) {
            try {
                update(held, new Update());
            } catch (DataAccessException e) {
                log.warn("Could not mark bulk enrolment {} as held: {}", held, e.getClass().getName());
            }
        }
        Instant stopped = clock.instant().minus(STOPPED_AFTER);
        Instant abandoned = clock.instant().minus(ABANDONED_AFTER);
        for (BulkEnrolment interrupted : mongo.find(Query.query(where("status")
                .in(BulkEnrolment.Status.QUEUED, BulkEnrolment.Status.RUNNING)), BulkEnrolment.class)) {
            Path spooled = spoolFile(interrupted.id());
            Instant lastAdvanced = interrupted.updatedAt() == null ? interrupted.createdAt() : interrupted.updatedAt();
            if (mine.contains(interrupted.id()) || lastAdvanced.isAfter(stopped)) {
                continue;
            }
            try {
                if (Files.exists(spooled)) {
                    restart(interrupted, spooled);
                } else if (lastAdvanced.isBefore(abandoned)) {
                    announceEnrolled(interrupted);
                    finish(interrupted.id(), BulkEnrolment.Status.FAILED, "Interrupted by a restart after "
                            + interrupted.done() + " of " + interrupted.total() + " rows. Upload the same file again "
                            + "to finish it: people already enrolled are reported, never enrolled twice.");
                }
            } catch (RuntimeException e) {
                log.warn("Could not resume bulk enrolment {}: {}", interrupted.id(), e.toString());
            }
        }
    }

    private void restart(BulkEnrolment interrupted, Path spooled) {
        if (!mine.add(interrupted.id())) {
            return; // taken meanwhile by this instance
        }
        log.info("Resuming bulk enrolment {} from its first row (stopped after {} of {})", interrupted.id(),
                interrupted.done(), interrupted.total());
        mongo.remove(Query.query(where("enrolmentId").is(interrupted.id())), BulkReportChunk.class);
        update(interrupted.id(), new Update().set("status", BulkEnrolment.Status.QUEUED).set("done", 0L)
                .set("enrolled", 0L).set("alreadyMembers", 0L).set("rejected", 0L));
        try {
            worker.execute(() -> run(interrupted, spooled));
        } catch (RejectedExecutionException busy) {
            mine.remove(interrupted.id());
            finishQuietly(interrupted.id(), "Interrupted by a restart. Upload the same file again to finish it: "
                    + "people already enrolled are reported, never enrolled twice.");
        }
    }

    /** Writes the events of every member this enrolment made again, a thousand to a document. */
    private void announceEnrolled(BulkEnrolment interrupted) {
        List<Member> chunk = new ArrayList<>();
        int[] part = {0};
        try (var enrolled = mongo.stream(Query.query(where("source").is(interrupted.id())), Member.class)) {
            enrolled.forEach(member -> {
                chunk.add(member);
                if (chunk.size() == properties.batchSize()) {
                    mongo.save(BulkEnrolmentEvents.of(interrupted.id(), -(++part[0]), chunk, clock.instant()));
                    chunk.clear();
                }
            });
        }
        if (!chunk.isEmpty()) {
            mongo.save(BulkEnrolmentEvents.of(interrupted.id(), -(++part[0]), chunk, clock.instant()));
        }
    }

    void run(BulkEnrolment enrolment, Path file) {
        try {
            RowReader reader = RowReader.forFile(enrolment.fileName(), file);
            long[] total = {0};
            reader.read(file, (line, cells) -> total[0]++);
            long rows = Math.max(0, total[0] - 1);
            update(enrolment.id(), new Update().set("status", BulkEnrolment.Status.RUNNING).set("total", rows)
                    .set("format", reader.describe()));
            if (rows > properties.maxRows()) {
                finish(enrolment.id(), BulkEnrolment.Status.FAILED,
                        "The file has " + rows + " rows; at most " + properties.maxRows() + " are accepted at once.");
                return;
            }
            var batches = new Batches(enrolment);
            reader.read(file, batches::row);
            batches.flush();
            finish(enrolment.id(), batches.failure == null ? BulkEnrolment.Status.DONE : BulkEnrolment.Status.FAILED,
                    batches.failure);
        } catch (DataAccessException e) {
            log.warn("Bulk enrolment {} stopped: the database failed {} times in a row on one batch: {}",
                    enrolment.id(), BATCH_ATTEMPTS, e.getClass().getName());
            finishQuietly(enrolment.id(), "The database was unavailable, so the enrolment stopped part-way. Upload the "
                    + "same file again to finish it: people already enrolled are reported, never enrolled twice.");
        } catch (IOException | RuntimeException e) {
            // The exception's message may quote a cell (personal data): only its type is logged.
            log.warn("Bulk enrolment {} failed: {} at {}", enrolment.id(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            finishQuietly(enrolment.id(), "The file could not be read as CSV or XLSX.");
        } finally {
            deleteQuietly(file);
            mine.remove(enrolment.id());
        }
    }

    private final class Batches {
        private final BulkEnrolment enrolment;
        private final Union union;
        private final Map<String, Long> lineByPerson = new HashMap<>();
        private final List<Row> pending = new ArrayList<>();
        private final List<Line> report = new ArrayList<>();
        private Columns columns;
        private String failure;
        private int sequence;

        Batches(BulkEnrolment enrolment) {
            this.enrolment = enrolment;
            this.union = new Union(enrolment.organizationId(), enrolment.organizationName(), enrolment.orgPath());
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
            if (pending.size() >= properties.batchSize()) {
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
                    if (attempt == BATCH_ATTEMPTS) {
                        throw e;
                    }
                    log.warn("Bulk enrolment {}: batch from line {} failed ({}), attempt {} of {}; retrying",
                            enrolment.id(), pending.getFirst().line(), e.getClass().getSimpleName(), attempt,
                            BATCH_ATTEMPTS);
                    pause(RETRY_PAUSE.multipliedBy(1L << (attempt - 1)));
                }
            }
            pending.clear();
            report.clear();
        }

        private void flushOnce() {
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            int rejected = 0;
            for (Row row : pending) {
                PersonDetails details = columns.details(row.cells());
                details = withWorkerTypeCode(details);
                Set<ConstraintViolation<PersonDetails>> violations = validator.validate(details);
                if (!violations.isEmpty()) {
                    rejected++;
                    violations.stream().sorted((a, b) -> a.getPropertyPath().toString()
                            .compareTo(b.getPropertyPath().toString())).forEach(violation -> report.add(new Line(
                                    row.line(), columns.header(violation.getPropertyPath().toString()), Kind.REJECTED,
                                    violation.getMessage())));
                    continue;
                }
                Worker worker = workers.protect(details);
                Long earlier = lineByPerson.putIfAbsent(worker.residentIdHash(), row.line());
                if (earlier != null && earlier != row.line()) {
                    rejected++;
                    report.add(new Line(row.line(), columns.header("residentId"), Kind.REJECTED,
                            "the same person is listed on line " + earlier));
                    continue;
                }
                candidates.put(worker.residentIdHash(), new Candidate(row.line(), worker));
            }
            Map<String, String> sourceByPerson = existingMembers(candidates.keySet());
            long already = 0;
            List<String> enrolledBefore = new ArrayList<>();
            List<Candidate> fresh = new ArrayList<>();
            for (var entry : candidates.entrySet()) {
                String source = sourceByPerson.get(entry.getKey());
                if (source == null) {
                    fresh.add(entry.getValue());
                } else if (source.equals(enrolment.id())) {
                    enrolledBefore.add(entry.getKey()); // inserted by an earlier attempt of this batch
                } else {
                    already++;
                    report.add(new Line(entry.getValue().line(), columns.header("residentId"), Kind.ALREADY_MEMBER,
                            "already a member; not enrolled again"));
                }
            }
            Inserted inserted = insert(fresh);
            already += inserted.alreadyMembers();
            List<Member> admitted = new ArrayList<>(inserted.members());
            if (!enrolledBefore.isEmpty()) {
                admitted.addAll(mongo.find(Query.query(where(PERSON_KEY).in(enrolledBefore)), Member.class));
            }
            if (!admitted.isEmpty()) {
                mongo.save(BulkEnrolmentEvents.of(enrolment.id(), pending.getFirst().line(), admitted,
                        clock.instant()));
            }
            if (!report.isEmpty()) {
                // Saved under its sequence number: a repeated batch replaces its own lines.
                mongo.save(new BulkReportChunk(enrolment.id() + ":" + sequence, enrolment.id(), sequence,
                        List.copyOf(report)));
            }
            update(enrolment.id(), new Update().inc("done", pending.size()).inc("enrolled", admitted.size())
                    .inc("alreadyMembers", already).inc("rejected", rejected));
            if (!report.isEmpty()) {
                sequence++; // only once the batch is done: a repeated batch rewrites the same chunk
            }
        }

        /** The members among these people: ID hash -> the member's source (the enrolment that made them). */
        private Map<String, String> existingMembers(Set<String> residentIdHashes) {
            Map<String, String> sourceByPerson = new HashMap<>();
            if (residentIdHashes.isEmpty()) {
                return sourceByPerson;
            }
            // Two fields, not whole members: a re-upload looks up every row of the file.
            for (org.bson.Document found : mongo.getCollection(mongo.getCollectionName(Member.class))
                    .find(Filters.in(PERSON_KEY, residentIdHashes))
                    .projection(Projections.include(PERSON_KEY, "source"))) {
                String hash = found.getEmbedded(List.of(PERSON_KEY.split("\\.")), String.class);
                sourceByPerson.put(hash, Objects.requireNonNullElse(found.getString("source"), ""));
            }
            return sourceByPerson;
        }

        /** Inserts the new members (their events follow in the batch's {@link BulkEnrolmentEvents}). */
        private Inserted insert(List<Candidate> fresh) {
            if (fresh.isEmpty()) {
                return new Inserted(List.of(), 0);
            }
            Instant now = clock.instant();
            Map<String, CardNumbers.Block> blocks = new HashMap<>();
            Map<String, Integer> perDivision = new HashMap<>();
            fresh.forEach(c -> perDivision.merge(c.worker().divisionCode(), 1, Integer::sum));
            perDivision.forEach((division, count) -> blocks.put(division, cardNumbers.reserve(division, now, count)));
            List<Member> admitted = new ArrayList<>(fresh.size());
            for (Candidate candidate : fresh) {
                admitted.add(Member.admitInBulk(UUID.randomUUID().toString(), candidate.worker(), union,
                        blocks.get(candidate.worker().divisionCode()).next(), null, Channel.BULK, enrolment.id(),
                        enrolment.createdBy(), now));
            }
            try {
                mongo.insert(admitted, Member.class);
                return new Inserted(admitted, 0);
            } catch (DuplicateKeyException someJoinedMeanwhile) {
                // Someone in this batch became a member while we worked (an approval, a parallel upload):
                // insert one by one; those already present are members, not errors.
                return insertOneByOne(admitted, fresh);
            }
        }

        private Inserted insertOneByOne(List<Member> admitted, List<Candidate> fresh) {
            List<Member> inserted = new ArrayList<>();
            long already = 0;
            for (int i = 0; i < admitted.size(); i++) {
                Member member = admitted.get(i);
                if (mongo.exists(Query.query(where("_id").is(member.id())), Member.class)) {
                    inserted.add(member); // the bulk insert wrote it before it stopped
                    continue;
                }
                try {
                    mongo.insert(member);
                    inserted.add(member);
                } catch (DuplicateKeyException alreadyMember) {
                    already++;
                    report.add(new Line(fresh.get(i).line(), columns.header("residentId"), Kind.ALREADY_MEMBER,
                            "already a member; not enrolled again"));
                }
            }
            return new Inserted(inserted, already);
        }
    }

    private record Inserted(List<Member> members, long alreadyMembers) {
    }

    private PersonDetails withWorkerTypeCode(PersonDetails details) {
        return workerTypes.resolve(details.workerType())
                .map(code -> new PersonDetails(details.name(), details.residentId(), details.phone(), code,
                        details.platform(), details.companyCreditCode(), details.divisionCode()))
                .orElse(details);
    }

    private record Row(long line, List<String> cells) {
    }

    private record Candidate(long line, Worker worker) {
    }

    private void update(String id, Update update) {
        update.set("updatedAt", clock.instant());
        mongo.updateFirst(Query.query(where("_id").is(id)), update, BulkEnrolment.class);
    }

    /** Marks the enrolment failed if the database lets us; if not, it stays RUNNING until someone looks. */
    private void finishQuietly(String id, String failure) {
        try {
            finish(id, BulkEnrolment.Status.FAILED, failure);
        } catch (DataAccessException e) {
            log.warn("Could not mark bulk enrolment {} failed: {}", id, e.getClass().getName());
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

    private void finish(String id, BulkEnrolment.Status status, String failure) {
        var update = new Update().set("status", status).set("finishedAt", clock.instant());
        if (failure != null) {
            update.set("failure", failure);
        }
        update(id, update);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete spooled upload {}", file.getFileName());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
