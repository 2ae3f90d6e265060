package org.unionplatform.common.events;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** An event as a handler sees it: the envelope, the queue it came from, and its payload as a typed value. */
public final class ReceivedEvent {

    private final EventEnvelope envelope;
    private final String queue;
    private final JsonMapper jsonMapper;

    ReceivedEvent(EventEnvelope envelope, String queue, JsonMapper jsonMapper) {
        this.envelope = envelope;
        this.queue = queue;
        this.jsonMapper = jsonMapper;
    }

    public EventEnvelope envelope() {
        return envelope;
    }

    public UUID id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public String queue() {
        return queue;
    }

    /** The payload read into the consumer's own record (the consumer owns the shape it reads). */
    public <T> T payload(Class<T> type) {
        return jsonMapper.treeToValue(envelope.payload(), type);
    }

    @Override
    public String toString() {
        return "ReceivedEvent[" + envelope.type() + " " + envelope.id() + " on " + queue + "]";
    }
}
