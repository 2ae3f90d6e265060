package org.unionplatform.common.events;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: GET lists this service's dead-letter queues with their message counts;
 * POST {@code /actuator/deadletters/{queue}} moves that queue's dead letters back to it and resets their
 * attempt counts. Not exposed by default: add {@code deadletters} to
 * {@code management.endpoints.web.exposure.include} where the actuator port is protected.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final BusTopology topology;
    private final DeadLetters deadLetters;

    DeadLettersEndpoint(BusTopology topology, DeadLetters deadLetters) {
        this.topology = topology;
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public Map<String, DeadLetterQueue> deadLetterQueues() {
        Map<String, DeadLetterQueue> queues = new TreeMap<>();
        for (String queue : topology.subscriptionsByQueue().keySet()) {
            String deadLetterQueue = BusTopology.deadLetterQueue(queue);
            queues.put(deadLetterQueue, new DeadLetterQueue(queue, deadLetters.count(deadLetterQueue)));
        }
        return queues;
    }

    /** Accepts the subscription's queue name or its dead-letter queue's name. */
    @WriteOperation
    public Replay replay(@Selector String queue) {
        String mainQueue = queue.endsWith(BusTopology.DEAD_LETTER_SUFFIX)
                ? queue.substring(0, queue.length() - BusTopology.DEAD_LETTER_SUFFIX.length())
                : queue;
        if (!topology.subscriptionsByQueue().containsKey(mainQueue)) {
            throw new InvalidEndpointRequestException("No event subscription uses that queue",
                    "Unknown queue");
        }
        return new Replay(mainQueue, deadLetters.replay(mainQueue));
    }

    /** A dead-letter queue: the queue its messages came from and how many wait in it. */
    public record DeadLetterQueue(String queue, long messages) {
    }

    /** The result of a replay: how many dead letters went back to the queue. */
    public record Replay(String queue, long moved) {
    }
}
