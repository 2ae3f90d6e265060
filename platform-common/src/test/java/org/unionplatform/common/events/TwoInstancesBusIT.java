package org.unionplatform.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.common.events.testapp.Enrollment;
import org.unionplatform.common.events.testapp.SampleBusApplication;
import org.unionplatform.common.events.testapp.Tally;
import org.unionplatform.common.events.testapp.TallyHandler;
import org.unionplatform.testsupport.SecondInstance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two instances of one service (the test's context and a {@link SecondInstance}) on one database, one broker and
 * one queue, all of their relays, sweepers and consumers running. {@link InboxConcurrencyIT} hands one event to two
 * inbox listeners at once through a fake channel; here the broker itself shares the deliveries out between the two
 * instances' listener containers.
 */
@SpringBootTest(classes = SampleBusApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=bus-sample", "platform.bus.sweep-interval=200ms",
                "platform.bus.full-sweep-interval=1s", "platform.bus.confirm-timeout=2s",
                "platform.bus.consumer-backoff.initial=5ms", "platform.bus.consumer-backoff.max=20ms"})
class TwoInstancesBusIT {

    private static final int EVENTS = 400;
    private static final int CHUNK = 25;

    private static ConfigurableApplicationContext second;

    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    BusProperties bus;
    @Autowired
    OutboxRelay firstRelay;
    @Autowired
    TallyHandler firstHandler;
    @Autowired
    MeterRegistry firstMeters;

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            second = SecondInstance.start(SampleBusApplication.class, environment);
        }
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventExactlyOnce() throws Exception {
        OutboxRelay secondRelay = second.getBean(OutboxRelay.class);
        MongoTemplate secondMongo = second.getBean(MongoTemplate.class);
        MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
        double firstBefore = published(firstMeters);
        double secondBefore = published(secondMeters);
        String run = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            ids.add(run + "-" + n);
        }
        List<UUID> eventIds = Collections.synchronizedList(new ArrayList<>());

        // Both instances save (each save wakes its own relay) while both relays are also driven over every
        // document, chunk by chunk, as the sweepers hand them back: each document is claimed by both at once.
        var start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> work = new ArrayList<>();
            for (int saver = 0; saver < 4; saver++) {
                int offset = saver;
                MongoTemplate template = saver % 2 == 0 ? mongo : secondMongo;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int n = offset; n < EVENTS; n += 4) {
                        var enrollment = new Enrollment(ids.get(n));
                        eventIds.add(enrollment.approve());
                        template.save(enrollment);
                    }
                    return null;
                }));
            }
            for (OutboxRelay relay : List.of(firstRelay, secondRelay)) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 3; round++) {
                        for (int from = 0; from < EVENTS; from += CHUNK) {
                            relay.relay(ids.subList(from, Math.min(EVENTS, from + CHUNK)).stream()
                                    .map(id -> new OutboxStore.DocumentRef("enrollments", id)).toList());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(ids) == EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("_id").in(ids)
                .and(OutboxAggregate.OUTBOX_FIELD + ".0").exists(true)), Enrollment.class) == 0);
        assertThat(eventIds).hasSize(EVENTS).doesNotHaveDuplicates();
        // The claim (a lease) lets one relay publish an event: none lost, none sent twice.
        double byFirst = published(firstMeters) - firstBefore;
        double bySecond = published(secondMeters) - secondBefore;
        assertThat(byFirst + bySecond).isEqualTo(EVENTS);
        assertThat(byFirst).as("published by the first relay").isPositive();
        assertThat(bySecond).as("published by the second relay").isPositive();
        assertAppliedOnce(eventIds, ids);
    }

    @Test
    void competingConsumersGivenEveryEventTwiceApplyEachExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        // Two copies one after the other: the broker hands consecutive messages to the two consumers in turn,
        // so both instances hold the same event at once (a relay whose removal failed sends such copies).
        for (int n = 0; n < EVENTS; n++) {
            ids.add(run + "-" + n);
            UUID eventId = UUID.randomUUID();
            eventIds.add(eventId);
            Message copy = envelope(eventId, ids.get(n));
            rabbit.send(bus.exchange(), "sample.approved", copy);
            rabbit.send(bus.exchange(), "sample.approved", copy);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(ids) == EVENTS);
        TallyHandler secondHandler = second.getBean(TallyHandler.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventIds.stream()
                .allMatch(id -> firstHandler.calls(id) + secondHandler.calls(id) >= 1));
        Thread.sleep(500); // late copies still being handed round
        assertAppliedOnce(eventIds, ids);
        assertThat(eventIds.stream().mapToInt(firstHandler::calls).sum()).as("events the first instance applied")
                .isPositive();
        assertThat(eventIds.stream().mapToInt(secondHandler::calls).sum())
                .as("events the second instance applied").isPositive();
    }

    /** Each event reached a handler once (the inbox) and each tally counts one approval. */
    private void assertAppliedOnce(List<UUID> eventIds, List<String> ids) {
        TallyHandler secondHandler = second.getBean(TallyHandler.class);
        for (UUID eventId : eventIds) {
            assertThat(firstHandler.calls(eventId) + secondHandler.calls(eventId)).as("handler calls for %s", eventId)
                    .isEqualTo(1);
        }
        List<Tally> tallies = mongo.find(Query.query(Criteria.where("_id").in(ids)), Tally.class);
        assertThat(tallies).hasSize(ids.size()).allSatisfy(tally -> assertThat(tally.approvals()).isEqualTo(1));
    }

    private long applied(List<String> ids) {
        return mongo.getCollection("tallies").countDocuments(new Document("_id", new Document("$in", ids))
                .append("approvals", new Document("$gte", 1)));
    }

    private static double published(MeterRegistry meters) {
        Counter counter = meters.find(BusMetrics.PUBLISHED).tags("type", "sample.approved").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Message envelope(UUID eventId, String enrollmentId) {
        String json = """
                {"id":"%s","type":"sample.approved","version":1,"occurredAt":"%s","producer":"bus-sample",
                 "traceparent":null,"payload":{"enrollmentId":"%s"}}""".formatted(eventId, Instant.now(), enrollmentId);
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType("sample.approved");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return new Message(json.getBytes(StandardCharsets.UTF_8), properties);
    }
}
