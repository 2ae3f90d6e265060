package org.unionplatform.common.events;

import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Outbox entries read and changed in place inside aggregate documents, each change a conditional
 * single-document update (no multi-document transactions needed), sent many at a time as one unordered bulk
 * write. Goes to the driver directly so that the aggregate's own mapping and version field are never touched:
 * the relay must not make the application's next save fail.
 * <p>
 * Every filter is on {@code _id} alone and the conditions on an entry travel as array filters: the embedded
 * server uses its {@code _id} index only for a filter on {@code _id} alone and scans the whole collection for
 * anything more, which made each claim cost a scan of every visit, order or member ever stored.
 */
final class OutboxStore {

    private static final String EVENT_ID = "eventId";
    private static final String DUE_AT = "dueAt";
    private static final String LEASE = "lease";
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

    /** An event of a document. */
    record Claim(Object documentId, UUID eventId) {
    }

    /**
     * Takes every due event of these documents for a lease: only one relay wins while an event is due. One bulk
     * write marks the due entries with a new lease (the condition is an array filter, so each update still goes
     * by {@code _id} alone), one read returns the entries that carry it.
     *
     * @return the events this lease won, by document id
     */
    Map<Object, List<OutboxEvent>> claimDue(String collection, Collection<Object> ids, Instant now,
            Instant leaseUntil) {
        String lease = UUID.randomUUID().toString();
        UpdateOptions dueEntries = new UpdateOptions().arrayFilters(
                List.of(new Document("entry." + DUE_AT, new Document("$lte", Date.from(now)))));
        List<WriteModel<Document>> writes = new ArrayList<>(ids.size());
        for (Object id : ids) {
            // The lease before the due time: the embedded server re-evaluates the array filter per field, so
            // once dueAt moved to the lease's end the entry would no longer match for the next field.
            writes.add(new UpdateOneModel<>(eq("_id", id),
                    combine(set(ENTRY + LEASE, lease), set(ENTRY + DUE_AT, Date.from(leaseUntil))), dueEntries));
        }
        try {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A document without an outbox array cannot take array updates; the others were claimed.
        }
        Map<Object, List<OutboxEvent>> won = new HashMap<>();
        for (Document document : mongo.getCollection(collection).find(in("_id", ids))
                .projection(include(OutboxAggregate.OUTBOX_FIELD))) {
            List<OutboxEvent> events = new ArrayList<>();
            for (Document entry : document.getList(OutboxAggregate.OUTBOX_FIELD, Document.class, List.of())) {
                if (lease.equals(entry.getString(LEASE))) {
                    events.add(event(entry));
                }
            }
            if (!events.isEmpty()) {
                won.put(document.get("_id"), events);
            }
        }
        return won;
    }

    /**
     * The broker confirmed the events: remove exactly those entries, whatever else changed meanwhile, with one
     * update per document (a document may carry a thousand events: a bulk enrolment's batch).
     */
    void remove(String collection, List<Claim> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        Map<Object, List<UUID>> eventIdsByDocument = new LinkedHashMap<>();
        confirmed.forEach(event -> eventIdsByDocument.computeIfAbsent(event.documentId(), id -> new ArrayList<>())
                .add(event.eventId()));
        List<WriteModel<Document>> writes = new ArrayList<>(eventIdsByDocument.size());
        eventIdsByDocument.forEach((documentId, eventIds) -> writes.add(new UpdateOneModel<>(eq("_id", documentId),
                pull(OutboxAggregate.OUTBOX_FIELD, new Document(EVENT_ID, new Document("$in", eventIds))))));
        mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    void reschedule(DocumentRef ref, UUID eventId, Instant dueAt) {
        mongo.getCollection(ref.collection()).updateOne(eq("_id", ref.id()),
                combine(set(ENTRY + DUE_AT, Date.from(dueAt)), inc(ENTRY + "attempts", 1)), entry(eventId));
    }

    private static UpdateOptions entry(UUID eventId) {
        return new UpdateOptions().arrayFilters(List.of(new Document("entry." + EVENT_ID, eventId)));
    }

    /** The pending events of these documents (by {@code _id}: an index lookup); documents without any are left out. */
    Map<Object, List<OutboxEvent>> pendingOf(String collection, Collection<Object> ids) {
        Map<Object, List<OutboxEvent>> pending = new HashMap<>();
        for (Document document : mongo.getCollection(collection).find(in("_id", ids))
                .projection(include(OutboxAggregate.OUTBOX_FIELD))) {
            List<OutboxEvent> events = entries(document);
            if (!events.isEmpty()) {
                pending.put(document.get("_id"), events);
            }
        }
        return pending;
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
            events.add(event(entry));
        }
        return events;
    }

    private static OutboxEvent event(Document entry) {
        return new OutboxEvent(entry.get(EVENT_ID, UUID.class), entry.getString("type"),
                entry.getInteger("version", 1), instant(entry.getDate("occurredAt")),
                entry.getString("traceparent"), entry.getString("payload"), entry.getInteger("attempts", 0),
                instant(entry.getDate(DUE_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
