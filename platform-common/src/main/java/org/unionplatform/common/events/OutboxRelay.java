package org.unionplatform.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox events off the request thread, in batches: claim (lease) the due events of the batch's
 * documents in one bulk write, publish all of them mandatory with correlated confirms, wait for the confirms,
 * then remove the confirmed ones in one bulk write. Only an ack without a return removes
 * an event; a nack, a return (unroutable), an exception or a timeout leaves it pending with attempts + 1 and
 * a capped exponential delay, for the sweeper to pick up again.
 * <p>
 * Over 200 lines on purpose: claim, publish, confirm and remove are one lifecycle and share their lease bookkeeping.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final String UNROUTABLE = "returned as unroutable: ";
    private static final int MAX_RETURNS_KEPT = 10_000;
    private static final Duration RETURN_AFTER_NACK = Duration.ofMillis(200);


    static final String VERSION_HEADER = "x-event-version";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final RabbitTemplate rabbit;
    private final BusProperties properties;
    private final String producer;
    private final JsonMapper jsonMapper;
    private final Tracer tracer;
    private final BusMetrics metrics;
    private final Clock clock;
    private final BlockingQueue<OutboxStore.DocumentRef> wakeups = new LinkedBlockingQueue<>();
    private final Set<OutboxStore.DocumentRef> queued = ConcurrentHashMap.newKeySet();
    // Documents left with pending events (a failed publish, a failed round): the sweeper looks at them again.
    private final Set<OutboxStore.DocumentRef> unfinished = ConcurrentHashMap.newKeySet();
    // Returns by message id (= event id). Qpid Broker-J answers an unroutable mandatory publish with a return that
    // Spring does not attach to the publish's CorrelationData, then a nack; RabbitMQ with an attached return and an
    // ack. Recorded here, both read as "no queue is bound for its type".
    private final Map<String, String> returns = new ConcurrentHashMap<>();
    // Types whose last publish came back unroutable: their pending events wait for a subscriber (the grace), not
    // for the broker, and the outbox gauges count them apart.
    private final Set<String> unroutedTypes = ConcurrentHashMap.newKeySet();
    // When this round stops waiting for returns after nacks (System.nanoTime; 0: no nack yet). Relay thread only.
    private long returnsAwaitedUntil;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(OutboxStore store, RabbitTemplate rabbit, BusProperties properties, String producer,
            JsonMapper jsonMapper, Tracer tracer, BusMetrics metrics, Clock clock) {
        this.store = store;
        this.rabbit = rabbit;
        this.properties = properties;
        this.producer = producer;
        this.jsonMapper = jsonMapper;
        this.tracer = tracer;
        this.metrics = metrics;
        this.clock = clock;
        rabbit.setReturnsCallback(returned -> {
            String id = returned.getMessage().getMessageProperties().getMessageId();
            if (id != null) {
                if (returns.size() >= MAX_RETURNS_KEPT) {
                    returns.clear(); // only ever this many publishes in flight; what is left is stale
                }
                returns.put(id, returned.getReplyText());
            }
        });
    }

    /** Whether the last publish of this type found no queue bound for it (nobody subscribes, for now). */
    boolean unrouted(String type) {
        return unroutedTypes.contains(type);
    }

    /** Asks the relay to look at one document's outbox soon (idempotent while it is queued). */
    void wake(String collection, Object id) {
        var ref = new OutboxStore.DocumentRef(collection, id);
        if (queued.add(ref)) {
            wakeups.add(ref);
        }
    }

    /** The documents this relay left with pending events since the last call. */
    Set<OutboxStore.DocumentRef> takeUnfinished() {
        Set<OutboxStore.DocumentRef> taken = new HashSet<>(unfinished);
        unfinished.removeAll(taken);
        return taken;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(properties.confirmTimeout().plusSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the listener containers and connection factory (default phase) go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        while (running) {
            try {
                var first = wakeups.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<OutboxStore.DocumentRef> refs = new ArrayList<>();
                refs.add(first);
                wakeups.drainTo(refs, properties.relayBatchSize() - 1);
                refs.forEach(queued::remove);
                try {
                    relay(refs);
                } catch (RuntimeException e) {
                    // The database or broker is away: the events stay pending and the sweeper brings them back.
                    unfinished.addAll(refs);
                    log.warn("Outbox relay batch failed: {}", e.toString());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One round for the documents of a batch of wake-ups: per collection one bulk claim of their due events and
     * one read of what was won, the publishes, then after the confirms one bulk removal (failures are
     * rescheduled one by one).
     */
    void relay(List<OutboxStore.DocumentRef> refs) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.confirmTimeout().multipliedBy(3));
        Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
        refs.forEach(ref -> idsByCollection.computeIfAbsent(ref.collection(), c -> new LinkedHashSet<>()).add(ref.id()));
        List<Publication> publications = new ArrayList<>();
        idsByCollection.forEach((collection, ids) -> store.claimDue(collection, ids, now, leaseUntil)
                .forEach((id, events) -> events.forEach(event ->
                        publications.add(publish(new OutboxStore.DocumentRef(collection, id), event)))));
        Instant deadline = clock.instant().plus(properties.confirmTimeout());
        Map<String, List<Publication>> confirmed = new LinkedHashMap<>();
        Map<String, List<Publication>> setAside = new LinkedHashMap<>();
        returnsAwaitedUntil = 0;
        for (Publication publication : publications) {
            String failure = outcome(publication, deadline);
            returns.remove(publication.event().eventId().toString());
            if (failure == null) {
                unroutedTypes.remove(publication.event().type());
            } else if (failure.startsWith(UNROUTABLE)) {
                unroutedTypes.add(publication.event().type());
            }
            if (failure == null) {
                confirmed.computeIfAbsent(publication.ref().collection(), c -> new ArrayList<>()).add(publication);
                continue;
            }
            if (failure.startsWith(UNROUTABLE) && deliveredToNobody(publication.event(), now)) {
                // The broker took it and no queue is bound for its type after the grace: nobody subscribes.
                setAside.computeIfAbsent(publication.ref().collection(), c -> new ArrayList<>()).add(publication);
                log.info("Event {} ({}) set aside: no service subscribes to this type (unroutable for longer than {})",
                        publication.event().eventId(), publication.event().type(), properties.unroutableGrace());
                continue;
            }
            unfinished.add(publication.ref());
            try {
                reschedule(publication, failure);
            } catch (RuntimeException e) {
                // Not rescheduled: it stays pending and is published again when its lease ends.
                log.warn("Could not reschedule event {}: {}", publication.event().eventId(), e.toString());
            }
        }
        setAside.forEach((collection, done) -> remove(collection, done, metrics::deliveredToNobody));
        confirmed.forEach((collection, done) -> remove(collection, done, metrics::published));
    }

    /** Removes events the relay is done with, and counts them by type. */
    private void remove(String collection, List<Publication> done, Consumer<String> count) {
        try {
            store.remove(collection, done.stream()
                    .map(p -> new OutboxStore.Claim(p.ref().id(), p.event().eventId())).toList());
            done.forEach(p -> count.accept(p.event().type()));
        } catch (RuntimeException e) {
            // Not removed: they stay pending and are published again when their lease ends (duplicates at worst).
            log.warn("Could not remove {} published events from {}: {}", done.size(), collection, e.toString());
        }
    }

    private Publication publish(OutboxStore.DocumentRef ref, OutboxEvent event) {
        var correlation = new CorrelationData(event.eventId().toString());
        Span span = Traceparent.continueOrStart(tracer, event.traceparent(), "outbox publish");
        try (var scope = tracer.withSpan(span)) {
            span.tag("event.type", event.type());
            rabbit.send(properties.exchange(), event.type(), toMessage(event), correlation);
            return new Publication(ref, event, correlation, null);
        } catch (AmqpException | IllegalArgumentException e) {
            return new Publication(ref, event, null, e.toString());
        } finally {
            span.end();
        }
    }

    private Message toMessage(OutboxEvent event) {
        var envelope = new EventEnvelope(event.eventId(), event.type(), event.version(), event.occurredAt(), producer,
                event.traceparent(), jsonMapper.readTree(event.payload()));
        var messageProperties = new MessageProperties();
        messageProperties.setMessageId(event.eventId().toString());
        messageProperties.setType(event.type());
        messageProperties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        messageProperties.setContentEncoding(StandardCharsets.UTF_8.name());
        messageProperties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        messageProperties.setTimestamp(Date.from(event.occurredAt()));
        messageProperties.setAppId(producer);
        messageProperties.setHeader(VERSION_HEADER, event.version());
        return new Message(jsonMapper.writeValueAsBytes(envelope), messageProperties);
    }

    /** Null when the broker took responsibility for the message, else why not. */
    private String outcome(Publication publication, Instant deadline) {
        if (publication.failure() != null) {
            return publication.failure();
        }
        try {
            long waitMillis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            var confirm = publication.correlation().getFuture().get(waitMillis, TimeUnit.MILLISECONDS);
            String returned = returnOf(publication, !confirm.ack());
            if (returned != null) {
                return UNROUTABLE + returned;
            }
            return confirm.ack() ? null : "nacked: " + confirm.reason();
        } catch (TimeoutException e) {
            return "no confirm in time";
        } catch (ExecutionException e) {
            return "confirm failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The broker's return of this publish, if any: attached to its correlation (RabbitMQ) or recorded by the
     * returns callback (Qpid). After a nack the return may still be on its way: looked for a moment longer.
     */
    private String returnOf(Publication publication, boolean nacked) throws InterruptedException {
        String id = publication.event().eventId().toString();
        long waitUntil = System.nanoTime();
        if (nacked) {
            // One wait per round, not per event: a broker in trouble may nack a whole batch.
            if (returnsAwaitedUntil == 0) {
                returnsAwaitedUntil = waitUntil + RETURN_AFTER_NACK.toNanos();
            }
            waitUntil = returnsAwaitedUntil;
        }
        while (true) {
            var attached = publication.correlation().getReturned();
            if (attached != null) {
                return attached.getReplyText();
            }
            String recorded = returns.get(id);
            if (recorded != null || System.nanoTime() >= waitUntil) {
                return recorded;
            }
            Thread.sleep(5);
        }
    }

    private boolean deliveredToNobody(OutboxEvent event, Instant now) {
        return event.occurredAt().plus(properties.unroutableGrace()).isBefore(now);
    }

    private void reschedule(Publication publication, String failure) {
        OutboxEvent event = publication.event();
        int attempts = event.attempts() + 1;
        store.reschedule(publication.ref(), event.eventId(),
                clock.instant().plus(properties.outboxBackoff().delay(attempts)));
        metrics.publishFailed(event.type());
        log.warn("Event {} ({}) not published, attempt {}: {}", event.eventId(), event.type(), attempts, failure);
    }

    private record Publication(OutboxStore.DocumentRef ref, OutboxEvent event, CorrelationData correlation,
            String failure) {
    }
}
