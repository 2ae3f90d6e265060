package org.unionplatform.common.events;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;

/**
 * Outbox entries read and changed in place inside aggregate documents, one conditional single-document
 * update at a time (no multi-document transactions needed). Goes to the driver directly so that the
 * aggregate's own mapping and version field are never touched: the relay must not make the
 * application's next save fail.
 */
final class OutboxStore {

    private static final String EVENT_ID = "eventId";
    private static final String DUE_AT = "dueAt";
    // The filtered positional operator: the embedded server does not resolve "$" against $elemMatch.
    private static final String ENTRY = OutboxAggregate.OUTBOX_FIELD + ".$[entry].";

    private final MongoOperations mongo;

    OutboxStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    record DocumentRef(String collection, Object id) {
    }

    void ensureIndex(String collection) {
        mongo.getCollection(collection).createIndex(Indexes.ascending(OutboxAggregate.OUTBOX_FIELD + "." + DUE_AT));
    }

    List<OutboxEvent> load(DocumentRef ref) {
        Document document = mongo.getCollection(ref.collection())
                .find(eq("_id", ref.id()))
                .projection(include(OutboxAggregate.OUTBOX_FIELD))
                .first();
        return document == null ? List.of() : entries(document);
    }

    /** Takes the event for a lease: only one relay wins while it is due. */
    boolean claim(DocumentRef ref, UUID eventId, Instant now, Instant leaseUntil) {
        return mongo.getCollection(ref.collection()).updateOne(
                and(eq("_id", ref.id()), elemMatch(OutboxAggregate.OUTBOX_FIELD,
                        and(eq(EVENT_ID, eventId), lte(DUE_AT, Date.from(now))))),
                set(ENTRY + DUE_AT, Date.from(leaseUntil)), entry(eventId)).getModifiedCount() == 1;
    }

    /** The broker confirmed the event: remove exactly that entry, whatever else changed meanwhile. */
    void remove(DocumentRef ref, UUID eventId) {
        mongo.getCollection(ref.collection()).updateOne(eq("_id", ref.id()),
                pull(OutboxAggregate.OUTBOX_FIELD, new Document(EVENT_ID, eventId)));
    }

    void reschedule(DocumentRef ref, UUID eventId, Instant dueAt) {
        mongo.getCollection(ref.collection()).updateOne(
                and(eq("_id", ref.id()), elemMatch(OutboxAggregate.OUTBOX_FIELD, eq(EVENT_ID, eventId))),
                combine(set(ENTRY + DUE_AT, Date.from(dueAt)), inc(ENTRY + "attempts", 1)), entry(eventId));
    }

    private static UpdateOptions entry(UUID eventId) {
        return new UpdateOptions().arrayFilters(List.of(new Document("entry." + EVENT_ID, eventId)));
    }

    /** Calls back with every document of the collection that has pending events. */
    void forEachPending(String collection, BiConsumer<DocumentRef, List<OutboxEvent>> action) {
        for (Document document : mongo.getCollection(collection)
                .find(elemMatch(OutboxAggregate.OUTBOX_FIELD, exists(EVENT_ID)))
                .projection(include(OutboxAggregate.OUTBOX_FIELD))) {
            action.accept(new DocumentRef(collection, document.get("_id")), entries(document));
        }
    }

    private static List<OutboxEvent> entries(Document document) {
        List<OutboxEvent> events = new ArrayList<>();
        for (Document entry : document.getList(OutboxAggregate.OUTBOX_FIELD, Document.class, List.of())) {
            events.add(new OutboxEvent(entry.get(EVENT_ID, UUID.class), entry.getString("type"),
                    entry.getInteger("version", 1), instant(entry.getDate("occurredAt")),
                    entry.getString("traceparent"), entry.getString("payload"), entry.getInteger("attempts", 0),
                    instant(entry.getDate(DUE_AT))));
        }
        return events;
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
