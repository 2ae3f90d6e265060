package org.unionplatform.membership.bulk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Bulk enrolments and their report lines. */
@Repository
class BulkEnrolmentRepository {

    private final MongoOperations mongo;

    BulkEnrolmentRepository(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void insert(BulkEnrolment enrolment) {
        mongo.insert(enrolment);
    }

    /** Writes the enrolment as its running instance holds it (only that instance changes it). */
    void save(BulkEnrolment enrolment) {
        mongo.save(enrolment);
    }

    void remove(BulkEnrolment enrolment) {
        mongo.remove(Query.query(where("_id").is(enrolment.id())), BulkEnrolment.class);
    }

    Optional<BulkEnrolment> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, BulkEnrolment.class));
    }

    List<BulkEnrolment> findUnfinished() {
        return mongo.find(Query.query(where("status").in(BulkEnrolment.Status.QUEUED, BulkEnrolment.Status.RUNNING)),
                BulkEnrolment.class);
    }

    /**
     * Adds one batch to the stored counters ($inc: the stored document stays right even if the batch is then
     * repeated after a failure of this write); the caller advances its copy once this returned.
     */
    void recordProgress(String id, BulkEnrolment.Progress batch, Instant now) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().inc("done", batch.done())
                .inc("enrolled", batch.enrolled()).inc("alreadyMembers", batch.alreadyMembers())
                .inc("rejected", batch.rejected()).inc("held", batch.held()).set("updatedAt", now),
                BulkEnrolment.class);
    }

    /** Held people were admitted on the union's approval: {@code enrolled} of them enrolled, the rest already members. */
    void recordAdmission(String id, long held, long enrolled, long alreadyMembers) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().inc("held", -held).inc("enrolled", enrolled)
                .inc("alreadyMembers", alreadyMembers), BulkEnrolment.class);
    }

    /** What the run made of the file so far: its columns, translated values and first rows. */
    void recordMapping(String id, RosterMapping mapping) {
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("mapping", mapping), BulkEnrolment.class);
    }

    /** Marks the enrolment as advanced now without changing anything else: its instance is alive. */
    void markHeld(String id, Instant now) {
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("updatedAt", now), BulkEnrolment.class);
    }

    /**
     * Takes a stopped enrolment for this instance: marks it advanced now, only if nobody advanced it since
     * {@code lastAdvanced} (as this instance read it). Instances resuming at the same moment both see it stopped;
     * this compare-and-set lets one of them run it (both running one file doubled its counters).
     *
     * @return whether this instance took it
     */
    boolean claimStopped(BulkEnrolment enrolment, Instant now) {
        var unchanged = Query.query(where("_id").is(enrolment.id())
                .and("status").in(BulkEnrolment.Status.QUEUED, BulkEnrolment.Status.RUNNING)
                .and("updatedAt").is(enrolment.updatedAtAsStored()));
        return mongo.updateFirst(unchanged, Update.update("updatedAt", now), BulkEnrolment.class)
                .getModifiedCount() == 1;
    }

    /** Saved under its sequence number: a repeated batch replaces its own lines. */
    void saveReport(BulkReportChunk chunk) {
        mongo.save(chunk);
    }

    void removeReport(String enrolmentId) {
        mongo.remove(Query.query(where("enrolmentId").is(enrolmentId)), BulkReportChunk.class);
    }

    /** The report in file order; close the stream. */
    Stream<BulkReportChunk> streamReport(String enrolmentId) {
        return mongo.stream(Query.query(where("enrolmentId").is(enrolmentId)).with(Sort.by("sequence")),
                BulkReportChunk.class);
    }
}
