package org.unionplatform.common.events;

/**
 * An event this service publishes: a record in the service's {@code events} package, annotated with
 * {@link EventType}, registered by an aggregate's intention-revealing method through
 * {@link OutboxAggregate#registerEvent(DomainEvent)}. Its components are the payload's fields.
 */
public interface DomainEvent {

    /** The routing key declared on the record's {@link EventType}. */
    default String eventType() {
        return EventTypes.of(getClass()).value();
    }
}
