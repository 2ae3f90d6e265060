package org.unionplatform.common.events;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event bus ({@code platform.bus.*}).
 *
 * @param exchange the one durable topic exchange every domain event goes through
 * @param queuePrefix prepended to every queue name (tests use it to keep their queues apart)
 * @param queueArguments arguments for every declared queue, e.g. {@code x-queue-type: quorum} on a RabbitMQ
 *        cluster; empty by default because the embedded broker rejects them
 * @param maxAttempts handler attempts before a message goes to its dead-letter queue
 * @param relayBatchSize most documents the outbox relay takes per round (their due events are claimed in one bulk
 *        write and published before it waits for the confirms)
 * @param sweepInterval how often the sweeper looks again at the documents it knows to hold pending events (failed
 *        publishes, events waiting for their back-off, a relay round that failed), by {@code _id}
 * @param fullSweepInterval how often the sweeper reads every outbox collection for pending events (at start, then
 *        at this interval): it finds what no one here knew of (saved by an instance that stopped before its relay
 *        ran). A collection scan, so not every few seconds
 * @param confirmTimeout how long the relay waits for the broker's confirms of one batch
 * @param outboxBackoff delay before a failed publish is tried again (doubles per attempt, capped)
 * @param consumerBackoff pause before a failed message is requeued (doubles per attempt, capped)
 * @param inboxCollection the collection recording processed event ids per queue
 * @param inboxRetention how long processed event ids are kept (a TTL index where MongoDB honours it, and the
 *        retention sweep everywhere: see {@code platform.retention})
 * @param inboxLease how long a consumer holds an event it claimed before another consumer may take it over (a
 *        consumer that died mid-handler); longer than any handler runs
 * @param appliedEventsKept how many event ids {@link AppliedEvents} keeps per document
 * @param unroutableGrace how long an event the broker explicitly returns as unroutable (no queue is bound for its
 *        type: no service has ever subscribed to it) is retried before it is set aside as delivered to nobody;
 *        long enough for a newly deployed consumer to declare its queue. Only RabbitMQ's return counts: a nack is
 *        retried for ever, as its cause is unknown
 * @param deleteTopologyOnShutdown delete this service's queues when the context closes, and the shared exchange
 *        once no queue is bound to it any more (tests only: a shared broker must be left clean)
 */
@ConfigurationProperties("platform.bus")
public record BusProperties(
        @DefaultValue("union.events") String exchange,
        @DefaultValue("") String queuePrefix,
        Map<String, Object> queueArguments,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("100") int relayBatchSize,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("60s") Duration fullSweepInterval,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue Backoff outboxBackoff,
        Backoff consumerBackoff,
        @DefaultValue("bus_inbox") String inboxCollection,
        @DefaultValue("14d") Duration inboxRetention,
        @DefaultValue("1m") Duration inboxLease,
        @DefaultValue("50") int appliedEventsKept,
        @DefaultValue("15m") Duration unroutableGrace,
        @DefaultValue("false") boolean deleteTopologyOnShutdown) {

    public BusProperties {
        queueArguments = queueArguments == null ? Map.of() : Map.copyOf(queueArguments);
        if (consumerBackoff == null) {
            consumerBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("platform.bus.max-attempts must be at least 1");
        }
        if (inboxLease == null || inboxLease.isNegative() || inboxLease.isZero()) {
            throw new IllegalArgumentException("platform.bus.inbox-lease must be positive");
        }
        if (relayBatchSize < 1) {
            throw new IllegalArgumentException("platform.bus.relay-batch-size must be at least 1");
        }
    }

    /** Exponential backoff: {@code initial * 2^(attempt-1)}, never above {@code max}. */
    public record Backoff(@DefaultValue("1s") Duration initial, @DefaultValue("5m") Duration max) {

        public Duration delay(int attempt) {
            int doublings = Math.clamp(attempt - 1, 0, 30);
            long millis = initial.toMillis() << doublings;
            return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
        }
    }
}
