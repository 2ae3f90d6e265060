package org.unionplatform.common.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The bus's meters: outbox gauges and per type/queue counters. */
final class BusMetrics {

    static final String PUBLISHED = "bus.events.published";
    static final String PUBLISH_FAILURES = "bus.events.publish.failures";
    static final String CONSUMED = "bus.events.consumed";
    static final String DUPLICATES = "bus.events.duplicates";
    static final String DEAD_LETTERED = "bus.events.dead.lettered";
    static final String OUTBOX_PENDING = "bus.outbox.pending";
    static final String OUTBOX_OLDEST_AGE = "bus.outbox.oldest.age";
    static final String OUTBOX_UNROUTED = "bus.outbox.unrouted";

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();

    BusMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OUTBOX_PENDING, pending, AtomicLong::get)
                .description("Events stored in outboxes and not yet confirmed by the broker (as of the last full sweep;"
                        + " events of a type no queue is bound for are counted in bus.outbox.unrouted instead)")
                .register(registry);
        Gauge.builder(OUTBOX_UNROUTED, unrouted, AtomicLong::get)
                .description("Events of a type no queue is bound for (nobody subscribes), kept for the unroutable grace")
                .register(registry);
        Gauge.builder(OUTBOX_OLDEST_AGE, oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest event waiting in an outbox")
                .baseUnit("seconds")
                .register(registry);
    }

    void outbox(long pendingEvents, Duration oldestAge, long unroutedEvents) {
        pending.set(pendingEvents);
        oldestAgeMillis.set(oldestAge.toMillis());
        unrouted.set(unroutedEvents);
    }

    void published(String type) {
        counter(PUBLISHED, "type", type).increment();
    }

    void publishFailed(String type) {
        counter(PUBLISH_FAILURES, "type", type).increment();
    }

    void deliveredToNobody(String type) {
        counter("platform.events.unroutable.dropped", "type", type).increment();
    }

    void consumed(String queue, String type) {
        counter(CONSUMED, "queue", queue, "type", type).increment();
    }

    void duplicate(String queue, String type) {
        counter(DUPLICATES, "queue", queue, "type", type).increment();
    }

    void deadLettered(String queue, String type) {
        counter(DEAD_LETTERED, "queue", queue, "type", type).increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
