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
 * An intention-revealing method changes state and calls {@link #registerEvent(DomainEvent)} with an event record.
 * What happens after the repository's {@code save}:
 * <ol>
 * <li>{@link OutboxPreparer} (a before-convert callback) stores each registered event, as JSON with the request's
 * traceparent, in this document's {@code outbox} field: the state and its events are one single-document write;</li>
 * <li>{@link OutboxSaveListener} (an after-save listener) wakes the {@link OutboxRelay} with the document's id;</li>
 * <li>the relay claims the events (a lease), publishes them to the topic exchange, waits for the broker's confirm
 * and removes them from the document;</li>
 * <li>{@link OutboxSweeper} picks up what a crash or an unreachable broker left behind.</li>
 * </ol>
 * The beans are wired in {@link EventBusAutoConfiguration}. Save only with {@code save}/{@code insert} of the whole
 * aggregate: partial updates bypass the outbox.
 */
public abstract class OutboxAggregate {

    /** Name of the document field holding the pending events. */
    public static final String OUTBOX_FIELD = "outbox";

    private List<OutboxEvent> outbox = new ArrayList<>();

    @Transient
    private final List<RegisteredEvent> registered = new ArrayList<>();

    /** Registers an event; it is stored by the next save and published after it (see the class comment). */
    protected final UUID registerEvent(DomainEvent event) {
        return registerEvent(UUID.randomUUID(), event);
    }

    /**
     * Registers an event under an id chosen by the caller: work that may be repeated (a retried batch) registers
     * the same event again under the same id, and consumers, which apply each id once, see it once.
     */
    protected final UUID registerEvent(UUID eventId, DomainEvent event) {
        if (eventId == null || event == null) {
            throw new IllegalArgumentException("An event needs an id and a payload");
        }
        EventType declared = EventTypes.of(event.getClass());
        var registeredEvent = new RegisteredEvent(eventId, declared.value(), declared.version(), Instant.now(), event);
        registered.add(registeredEvent);
        return registeredEvent.id();
    }

    /**
     * The event records registered since this aggregate was loaded or last saved, in order: what the next save
     * will store. Lets a plain unit test see what a transition announced, without Spring or a database.
     */
    public final List<DomainEvent> registeredEvents() {
        return registered.stream().map(RegisteredEvent::payload).toList();
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

    record RegisteredEvent(UUID id, String type, int version, Instant occurredAt, DomainEvent payload) {
    }

    @FunctionalInterface
    interface OutboxEventFactory {
        OutboxEvent create(RegisteredEvent event);
    }
}
