package org.unionplatform.common.events;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

/**
 * Per queue and event id: who is applying the event, whether it was processed, and how many attempts failed.
 * Keyed by {@code <queue>|<event id>} as {@code _id}, so every lookup goes by the primary key.
 * <p>
 * A consumer claims an event before its handler runs, atomically: the insert of the entry with a lease (the
 * unique {@code _id} lets one of two concurrent deliveries win), or, for an entry whose earlier attempt failed or
 * whose consumer died, a conditional update that takes over an expired lease. So two deliveries of one event never
 * run the handler at the same time, and once one of them marked it processed no other runs it again.
 */
final class Inbox {

    static final String PROCESSED_AT = "processedAt";
    private static final String ATTEMPTS = "attempts";
    private static final String LEASE_UNTIL = "leaseUntil";

    /** What a delivery may do with its event. */
    enum Claim {
        /** This delivery holds the event: run the handler, then mark it processed (or record the failure). */
        WON,
        /** Processed before: a duplicate, ack it. */
        PROCESSED,
        /** Another delivery holds a live lease on it: requeue, its outcome decides. */
        BUSY
    }

    private final MongoOperations mongo;
    private final BusProperties properties;
    private final Clock clock;

    Inbox(MongoOperations mongo, BusProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Claims the event for this delivery, for {@code platform.bus.inbox-lease}. */
    Claim claim(String queue, EventEnvelope envelope) {
        String id = key(queue, envelope.id().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            Date leaseUntil = Date.from(now.plus(properties.inboxLease()));
            try {
                collection().insertOne(new Document("_id", id).append("queue", queue).append("type", envelope.type())
                        .append(LEASE_UNTIL, leaseUntil));
                return Claim.WON;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // Not processed and nobody's lease is running: an attempt failed (released) or its consumer died.
            Document takenOver = collection().findOneAndUpdate(
                    and(eq("_id", id), exists(PROCESSED_AT, false), not(gte(LEASE_UNTIL, Date.from(now)))),
                    set(LEASE_UNTIL, leaseUntil));
            if (takenOver != null) {
                return Claim.WON;
            }
            Document entry = collection().find(eq("_id", id)).first();
            if (entry != null) {
                return entry.get(PROCESSED_AT) != null ? Claim.PROCESSED : Claim.BUSY;
            }
            // Removed in between (a dead letter's replay forgets its attempts): claim again.
        }
        return Claim.BUSY;
    }

    void markProcessed(String queue, EventEnvelope envelope) {
        collection().updateOne(eq("_id", key(queue, envelope.id().toString())),
                combine(set(PROCESSED_AT, Date.from(clock.instant())), set("queue", queue),
                        set("type", envelope.type()), unset(LEASE_UNTIL)),
                new UpdateOptions().upsert(true));
    }

    /** Counts one more failed attempt, releases the lease (the redelivery may claim at once), returns the count. */
    int recordFailure(String queue, String eventId, String type, String reason) {
        Date now = Date.from(clock.instant());
        Document entry = collection().findOneAndUpdate(eq("_id", key(queue, eventId)),
                combine(inc(ATTEMPTS, 1), set("queue", queue), set("type", type), set("lastError", reason),
                        set("lastFailedAt", now), set(LEASE_UNTIL, now)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return entry == null ? 1 : entry.getInteger(ATTEMPTS, 1);
    }

    /** Forgets failed attempts of an unprocessed event, so a replayed message gets all its attempts again. */
    void resetAttempts(String queue, String eventId) {
        collection().deleteOne(and(eq("_id", key(queue, eventId)), exists(PROCESSED_AT, false)));
    }

    private static String key(String queue, String eventId) {
        return queue + "|" + eventId;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(properties.inboxCollection());
    }
}
