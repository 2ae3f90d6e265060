package org.unionplatform.common.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What travels on the bus for every domain event: the AMQP message body, as JSON.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type the routing key, past tense, e.g. {@code membership.approved}
 * @param version the payload's schema version (a consumer may read several)
 * @param occurredAt when the producer registered the event
 * @param producer the producing service ({@code spring.application.name})
 * @param traceparent W3C trace context of the request that registered the event, or null
 * @param payload the event's own fields
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String producer,
        String traceparent, JsonNode payload) {

    public EventEnvelope {
        if (id == null || type == null || type.isBlank() || occurredAt == null || payload == null) {
            throw new IllegalArgumentException("An event envelope needs id, type, occurredAt and payload");
        }
    }
}
