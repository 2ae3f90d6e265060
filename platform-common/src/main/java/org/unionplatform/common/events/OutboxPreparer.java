package org.unionplatform.common.events;

import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just before an aggregate is written, turns its newly registered events into stored outbox entries:
 * the payload serialised with the application's JSON mapper and the current span as traceparent
 * (the save runs in the request that changed the aggregate, so this is the request's trace).
 */
final class OutboxPreparer implements BeforeConvertCallback<OutboxAggregate> {

    private final JsonMapper jsonMapper;
    private final Tracer tracer;

    OutboxPreparer(JsonMapper jsonMapper, Tracer tracer) {
        this.jsonMapper = jsonMapper;
        this.tracer = tracer;
    }

    @Override
    public OutboxAggregate onBeforeConvert(OutboxAggregate aggregate, String collection) {
        String traceparent = Traceparent.current(tracer);
        aggregate.prepareOutbox(event -> new OutboxEvent(event.id(), event.type(), event.version(),
                event.occurredAt(), traceparent, jsonMapper.writeValueAsString(event.payload()), 0,
                event.occurredAt()));
        return aggregate;
    }
}
