package org.unionplatform.common.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Hands outbox events past their due time back to the relay: failed publishes whose back-off ran out, events of a
 * relay round that failed, expired leases, events saved while no relay ran. Every {@code sweep-interval} it looks
 * again, by {@code _id}, at the documents it knows to hold pending events (the relay reports what it left; a full
 * sweep reports what waits); every {@code full-sweep-interval}, and first at start, it reads every collection
 * whose entity type extends {@link OutboxAggregate} and refreshes the outbox gauges. A full read of all visits or
 * members every few seconds was most of the embedded database's work on a busy station service.
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
    private final Set<OutboxStore.DocumentRef> tracked = ConcurrentHashMap.newKeySet();
    private Instant nextFullSweep;
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
        if (nextFullSweep == null || !now.isBefore(nextFullSweep)) {
            fullSweep(now);
            nextFullSweep = now.plus(properties.fullSweepInterval());
        } else {
            trackedSweep(now);
        }
    }

    /** Reads every outbox collection: wakes the relay for what is due, tracks what waits, refreshes the gauges. */
    private void fullSweep(Instant now) {
        long[] pending = {0};
        long[] unrouted = {0};
        Instant[] oldest = {now};
        for (String collection : outboxCollections()) {
            if (indexed.add(collection)) {
                store.ensureIndex(collection);
            }
            store.forEachPending(collection, (ref, events) -> {
                for (OutboxEvent event : events) {
                    if (relay.unrouted(event.type())) {
                        unrouted[0]++; // waits for a subscriber (the grace), not for the broker
                        continue;
                    }
                    pending[0]++;
                    oldest[0] = event.occurredAt().isBefore(oldest[0]) ? event.occurredAt() : oldest[0];
                }
                handBack(ref, events, now);
            });
        }
        metrics.outbox(pending[0], Duration.between(oldest[0], now), unrouted[0]);
    }

    /** Looks again, by {@code _id}, at the documents known to hold pending events. */
    private void trackedSweep(Instant now) {
        tracked.addAll(relay.takeUnfinished());
        Map<String, List<Object>> idsByCollection = new HashMap<>();
        tracked.forEach(ref -> idsByCollection.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(ref.id()));
        idsByCollection.forEach((collection, ids) -> {
            Map<Object, List<OutboxEvent>> pending = store.pendingOf(collection, ids);
            for (Object id : ids) {
                var ref = new OutboxStore.DocumentRef(collection, id);
                tracked.remove(ref);
                List<OutboxEvent> events = pending.get(id);
                if (events != null) {
                    handBack(ref, events, now);
                }
            }
        });
    }

    /** Wakes the relay for a document with due events; keeps tracking one with events still waiting. */
    private void handBack(OutboxStore.DocumentRef ref, List<OutboxEvent> events, Instant now) {
        boolean due = events.stream().anyMatch(event -> !event.dueAt().isAfter(now));
        boolean waiting = events.stream().anyMatch(event -> event.dueAt().isAfter(now));
        if (due) {
            relay.wake(ref.collection(), ref.id());
        }
        if (waiting) {
            tracked.add(ref);
        }
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
