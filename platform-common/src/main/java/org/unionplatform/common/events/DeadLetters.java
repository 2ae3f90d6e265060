package org.unionplatform.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

import com.rabbitmq.client.GetResponse;

/**
 * Moves messages into and out of dead-letter queues, always through the default exchange and always
 * waiting for the broker's confirm before the source message is acknowledged.
 */
final class DeadLetters {

    static final String REASON_HEADER = "x-failure-reason";
    static final String ATTEMPTS_HEADER = "x-failure-attempts";
    static final String QUEUE_HEADER = "x-failure-queue";
    static final String FAILED_AT_HEADER = "x-failure-at";
    private static final int MAX_REASON_LENGTH = 500;

    private final RabbitTemplate rabbit;
    private final AmqpAdmin amqpAdmin;
    private final Inbox inbox;
    private final BusProperties properties;
    private final MessagePropertiesConverter propertiesConverter = new DefaultMessagePropertiesConverter();

    DeadLetters(RabbitTemplate rabbit, AmqpAdmin amqpAdmin, Inbox inbox, BusProperties properties) {
        this.rabbit = rabbit;
        this.amqpAdmin = amqpAdmin;
        this.inbox = inbox;
        this.properties = properties;
    }

    /** Copies a failed message to its queue's DLQ with the reason; true once the broker confirmed it. */
    boolean deadLetter(String queue, Message failed, String reason, int attempts) {
        MessageProperties messageProperties = failed.getMessageProperties();
        messageProperties.setHeader(REASON_HEADER, truncate(reason));
        messageProperties.setHeader(ATTEMPTS_HEADER, attempts);
        messageProperties.setHeader(QUEUE_HEADER, queue);
        messageProperties.setHeader(FAILED_AT_HEADER, Instant.now().toString());
        return sendConfirmed(BusTopology.deadLetterQueue(queue), failed);
    }

    long count(String deadLetterQueue) {
        var info = amqpAdmin.getQueueInfo(deadLetterQueue);
        return info == null ? 0 : info.getMessageCount();
    }

    /**
     * Moves the messages now in the queue's DLQ back to the queue (not through the exchange, so only this
     * consumer sees them again), resetting their attempt counts. Messages dead-lettered again while this
     * runs are left for the next replay.
     */
    long replay(String queue) {
        String deadLetterQueue = BusTopology.deadLetterQueue(queue);
        long toMove = count(deadLetterQueue);
        long moved = 0;
        while (moved < toMove && Boolean.TRUE.equals(rabbit.execute(channel -> {
            GetResponse response = channel.basicGet(deadLetterQueue, false);
            if (response == null) {
                return false;
            }
            MessageProperties messageProperties = propertiesConverter.toMessageProperties(response.getProps(),
                    response.getEnvelope(), StandardCharsets.UTF_8.name());
            for (String header : new String[] {REASON_HEADER, ATTEMPTS_HEADER, QUEUE_HEADER, FAILED_AT_HEADER}) {
                messageProperties.getHeaders().remove(header);
            }
            if (messageProperties.getMessageId() != null) {
                inbox.resetAttempts(queue, messageProperties.getMessageId());
            }
            long tag = response.getEnvelope().getDeliveryTag();
            if (sendConfirmed(queue, new Message(response.getBody(), messageProperties))) {
                channel.basicAck(tag, false);
                return true;
            }
            channel.basicNack(tag, false, true);
            return false;
        }))) {
            moved++;
        }
        return moved;
    }

    private boolean sendConfirmed(String queue, Message message) {
        var correlation = new CorrelationData(message.getMessageProperties().getMessageId());
        try {
            rabbit.send("", queue, message, correlation);
            var confirm = correlation.getFuture()
                    .get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return confirm.ack() && correlation.getReturned() == null;
        } catch (AmqpException | ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }
}
