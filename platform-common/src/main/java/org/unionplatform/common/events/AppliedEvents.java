package org.unionplatform.common.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a handler's single-document change apply at most once per event, without transactions: the update
 * is conditional on the event id not being in the document's bounded {@code appliedEvents} array and pushes
 * it in the same write. Use it when a handler changes a document, because the inbox records an event only
 * after the handler returned (a crash in between redelivers the event).
 *
 * <pre>{@code
 * appliedEvents.upsertOnce(OrganizationProgress.class, event.payload(Approved.class).organizationId(),
 *         new Update().inc("members", 1), event.id());
 * }</pre>
 */
public final class AppliedEvents {

    /** The document field holding the ids of the last applied events. */
    public static final String FIELD = "appliedEvents";

    private final MongoOperations mongo;
    private final int kept;

    AppliedEvents(MongoOperations mongo, int kept) {
        this.mongo = mongo;
        this.kept = kept;
    }

    /**
     * Applies {@code change} to the first document matching {@code target} unless it already applied the event.
     *
     * @return true if the change was applied now, false if the event was applied before or nothing matched
     */
    public boolean applyOnce(Class<?> entityType, Query target, Update change, UUID eventId) {
        Query query = Query.of(target).addCriteria(where(FIELD).ne(eventId));
        return mongo.updateFirst(query, remember(change, eventId), entityType).getMatchedCount() == 1;
    }

    /**
     * Applies {@code change} to the document with that id, creating it if missing, unless it already applied
     * the event.
     *
     * @return true if the change was applied now, false if the event was applied before
     */
    public boolean upsertOnce(Class<?> entityType, Object id, Update change, UUID eventId) {
        Query query = Query.query(where("_id").is(id).and(FIELD).ne(eventId));
        try {
            mongo.upsert(query, remember(change, eventId), entityType);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            // The document exists but did not match: it holds the event id already.
            return false;
        }
    }

    private Update remember(Update change, UUID eventId) {
        change.push(FIELD).slice(-kept).each(eventId);
        return change;
    }
}
