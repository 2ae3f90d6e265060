package org.unionplatform.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One pending event, stored inside its aggregate's document (field {@code outbox}) so that the state change
 * and the event are written by the same single-document save. Removed once the broker confirmed it.
 *
 * @param eventId the envelope id
 * @param type the routing key
 * @param version the payload schema version
 * @param occurredAt registration time
 * @param traceparent W3C trace context at registration, or null
 * @param payload the payload as JSON text
 * @param attempts failed publish attempts so far
 * @param dueAt when the relay may (re)publish it; a claim moves it forward (the lease)
 */
public record OutboxEvent(UUID eventId, String type, int version, Instant occurredAt, String traceparent,
        String payload, int attempts, Instant dueAt) {
}
