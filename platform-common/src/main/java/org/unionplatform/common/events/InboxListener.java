package org.unionplatform.common.events;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.Channel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotent consumer of one subscription's queue, acknowledging manually. The event is claimed in the inbox
 * before its handler runs (one delivery at a time, see {@link Inbox#claim}); a message is acked only after its
 * handler succeeded and its id is recorded in the inbox, or when it was processed before (duplicate), or once a
 * copy sits confirmed in the dead-letter queue. A delivery that finds the event claimed by another is requeued. A failure is counted per queue and
 * event id, waits briefly and is requeued; after {@code max-attempts} it is dead-lettered. A message that
 * is not an event envelope is dead-lettered at once.
 */
final class InboxListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final String queue;
    private final EventHandler handler;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final BusProperties properties;
    private final BusMetrics metrics;
    private final JsonMapper jsonMapper;
    private final ObjectReader envelopeReader;

    InboxListener(String queue, EventHandler handler, Inbox inbox, DeadLetters deadLetters, BusProperties properties,
            BusMetrics metrics, JsonMapper jsonMapper) {
        this.queue = queue;
        this.handler = handler;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
        // Tolerate envelope fields added by newer producers.
        this.envelopeReader = jsonMapper.readerFor(EventEnvelope.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        EventEnvelope envelope;
        try {
            envelope = envelopeReader.readValue(message.getBody());
        } catch (JacksonException | IllegalArgumentException e) {
            deadLetter(message, channel, "unknown", "not a valid event envelope", 1);
            return;
        }
        String eventId = envelope.id().toString();
        try {
            switch (inbox.claim(queue, envelope)) {
                case PROCESSED -> {
                    metrics.duplicate(queue, envelope.type());
                    channel.basicAck(tag, false);
                    return;
                }
                case BUSY -> {
                    // Another delivery is applying it now: its success makes this one a duplicate, its failure
                    // or death (lease expiry) lets this one claim it. Not an attempt of this event.
                    pause(1);
                    channel.basicNack(tag, false, true);
                    return;
                }
                case WON -> {
                    // This delivery applies it.
                }
            }
            handler.handle(new ReceivedEvent(envelope, queue, jsonMapper));
            inbox.markProcessed(queue, envelope);
        } catch (Exception e) {
            failed(message, channel, envelope, e);
            return;
        }
        metrics.consumed(queue, envelope.type());
        channel.basicAck(tag, false);
    }

    private void failed(Message message, Channel channel, EventEnvelope envelope, Exception failure)
            throws IOException {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int attempts;
        try {
            attempts = inbox.recordFailure(queue, envelope.id().toString(), envelope.type(), reason);
        } catch (RuntimeException e) {
            // The inbox is unreachable: count nothing, just retry later.
            attempts = 0;
        }
        log.warn("Event {} ({}) failed on {}, attempt {} of {}: {}", envelope.id(), envelope.type(), queue, attempts,
                properties.maxAttempts(), reason);
        if (attempts >= properties.maxAttempts()) {
            deadLetter(message, channel, envelope.type(), reason, attempts);
            return;
        }
        pause(attempts);
        channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
    }

    private void deadLetter(Message message, Channel channel, String type, String reason, int attempts)
            throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        if (deadLetters.deadLetter(queue, message, reason, attempts)) {
            metrics.deadLettered(queue, type);
            log.warn("Message {} ({}) moved to {} after {} attempt(s): {}", message.getMessageProperties()
                    .getMessageId(), type, BusTopology.deadLetterQueue(queue), attempts, reason);
            channel.basicAck(tag, false);
        } else {
            pause(attempts);
            channel.basicNack(tag, false, true);
        }
    }

    private void pause(int attempts) {
        try {
            Thread.sleep(properties.consumerBackoff().delay(Math.max(1, attempts)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
