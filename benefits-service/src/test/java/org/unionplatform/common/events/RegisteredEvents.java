package org.unionplatform.common.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Test access to what an aggregate registered and has not saved yet: the outbox's own preparation step (which
 * runs just before a save) hands over each registered event, so a plain unit test sees the event objects a
 * transition registered without Spring or a database. Lives in the outbox's package for that package-private step.
 */
public final class RegisteredEvents {

    private RegisteredEvents() {
    }

    /** The events {@code aggregate} registered since it was loaded or last prepared, in order. */
    public static List<Object> of(OutboxAggregate aggregate) {
        List<Object> events = new ArrayList<>();
        aggregate.prepareOutbox(event -> {
            events.add(event.payload());
            return null;
        });
        return events;
    }
}
