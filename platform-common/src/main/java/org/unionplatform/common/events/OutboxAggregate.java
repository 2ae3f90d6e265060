package org.unionplatform.common.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Transient;

/**
 * Base class of a MongoDB aggregate that publishes domain events through the transactional outbox.
 * <p>
 * An intention-revealing method changes state and calls {@link #registerEvent}; the repository's
 * {@code save} then writes the state and the pending event in one document write. After the save the
 * outbox relay publishes it (with a broker confirm) and removes it from the document. Save only with
 * {@code save}/{@code insert} of the whole aggregate: partial updates bypass the outbox.
 */
public abstract class OutboxAggregate {

    /** Name of the document field holding the pending events. */
    public static final String OUTBOX_FIELD = "outbox";

    private List<OutboxEvent> outbox = new ArrayList<>();

    @Transient
    private final List<RegisteredEvent> registered = new ArrayList<>();

    /** Registers a version 1 event; it is stored by the next save. */
    protected final UUID registerEvent(String type, Object payload) {
        return registerEvent(type, 1, payload);
    }

    /** Registers an event with an explicit payload schema version; it is stored by the next save. */
    protected final UUID registerEvent(String type, int version, Object payload) {
        return registerEvent(UUID.randomUUID(), type, version, payload);
    }

    /**
     * Registers an event under an id chosen by the caller: work that may be repeated (a retried batch) registers
     * the same event again under the same id, and consumers, which apply each id once, see it once.
     */
    protected final UUID registerEvent(UUID eventId, String type, int version, Object payload) {
        if (eventId == null || type == null || type.isBlank() || payload == null) {
            throw new IllegalArgumentException("An event needs an id, a type and a payload");
        }
        var event = new RegisteredEvent(eventId, type, version, Instant.now(), payload);
        registered.add(event);
        return event.id();
    }

    /** Events stored in this document and not yet confirmed by the broker. */
    public final List<OutboxEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox == null ? List.of() : outbox);
    }

    /** Moves newly registered events into the stored outbox; called just before the document is written. */
    final void prepareOutbox(OutboxEventFactory factory) {
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        registered.forEach(event -> outbox.add(factory.create(event)));
        registered.clear();
    }

    record RegisteredEvent(UUID id, String type, int version, Instant occurredAt, Object payload) {
    }

    @FunctionalInterface
    interface OutboxEventFactory {
        OutboxEvent create(RegisteredEvent event);
    }
}
