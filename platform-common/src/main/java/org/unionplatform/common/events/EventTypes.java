package org.unionplatform.common.events;

/** Reads the {@link EventType} declared on an event record. */
public final class EventTypes {

    private EventTypes() {
    }

    /** The declaration on {@code type}; an undeclared record is a programming error. */
    public static EventType of(Class<?> type) {
        EventType declared = type.getAnnotation(EventType.class);
        if (declared == null || declared.value().isBlank()) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @EventType");
        }
        return declared;
    }
}
