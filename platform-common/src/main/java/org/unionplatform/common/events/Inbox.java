package org.unionplatform.common.events;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

/**
 * Per queue and event id: whether the event was processed, and how many attempts failed. Keyed by
 * {@code <queue>|<event id>} as {@code _id}, so every lookup goes by the primary key.
 */
final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final String PROCESSED_AT = "processedAt";
    private static final String ATTEMPTS = "attempts";

    private final MongoOperations mongo;
    private final BusProperties properties;
    private final Clock clock;

    Inbox(MongoOperations mongo, BusProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Expires processed entries where MongoDB supports TTL indexes (the embedded server ignores it). */
    void ensureIndexes() {
        try {
            collection().createIndex(Indexes.ascending(PROCESSED_AT),
                    new IndexOptions().expireAfter(properties.inboxRetention().toSeconds(), TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("Inbox TTL index not created: {}", e.getMessage());
        }
    }

    boolean isProcessed(String queue, String eventId) {
        Document entry = collection().find(eq("_id", key(queue, eventId))).first();
        return entry != null && entry.get(PROCESSED_AT) != null;
    }

    void markProcessed(String queue, EventEnvelope envelope) {
        collection().updateOne(eq("_id", key(queue, envelope.id().toString())),
                combine(set(PROCESSED_AT, Date.from(clock.instant())), set("queue", queue),
                        set("type", envelope.type())),
                new UpdateOptions().upsert(true));
    }

    /** Counts one more failed attempt and returns the count so far. */
    int recordFailure(String queue, String eventId, String type, String reason) {
        Document entry = collection().findOneAndUpdate(eq("_id", key(queue, eventId)),
                combine(inc(ATTEMPTS, 1), set("queue", queue), set("type", type), set("lastError", reason),
                        set("lastFailedAt", Date.from(clock.instant()))),
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
