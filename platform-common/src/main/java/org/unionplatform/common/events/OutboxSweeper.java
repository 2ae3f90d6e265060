package org.unionplatform.common.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * On a fixed interval, hands every outbox event past its due time back to the relay (events saved while
 * the relay was busy or down, failed publishes whose backoff ran out, expired leases) and refreshes the
 * outbox gauges. Looks in every collection whose entity type extends {@link OutboxAggregate}.
 */
final class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final MongoMappingContext mappingContext;
    private final BusProperties properties;
    private final BusMetrics metrics;
    private final Clock clock;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    OutboxSweeper(OutboxStore store, OutboxRelay relay, MongoMappingContext mappingContext,
            BusProperties properties, BusMetrics metrics, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.mappingContext = mappingContext;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweeper").daemon()
                .factory());
        long interval = properties.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    void sweep() {
        Instant now = clock.instant();
        long[] pending = {0};
        Instant[] oldest = {now};
        for (String collection : outboxCollections()) {
            if (indexed.add(collection)) {
                store.ensureIndex(collection);
            }
            store.forEachPending(collection, (ref, events) -> {
                boolean due = false;
                for (OutboxEvent event : events) {
                    pending[0]++;
                    oldest[0] = event.occurredAt().isBefore(oldest[0]) ? event.occurredAt() : oldest[0];
                    due |= !event.dueAt().isAfter(now);
                }
                if (due) {
                    relay.wake(ref.collection(), ref.id());
                }
            });
        }
        metrics.outbox(pending[0], Duration.between(oldest[0], now));
    }

    Set<String> outboxCollections() {
        Set<String> collections = new TreeSet<>();
        for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
            if (OutboxAggregate.class.isAssignableFrom(entity.getType())
                    && entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                collections.add(entity.getCollection());
            }
        }
        return collections;
    }
}
