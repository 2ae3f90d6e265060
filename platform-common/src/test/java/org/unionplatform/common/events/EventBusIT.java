package org.unionplatform.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionplatform.common.events.testapp.Enrollment;
import org.unionplatform.common.events.testapp.SampleBusApplication;
import org.unionplatform.common.events.testapp.Tally;
import org.unionplatform.common.events.testapp.TallyHandler;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;

/**
 * The bus end to end on the real RabbitMQ (reached through a cuttable loopback proxy) and an in-memory
 * MongoDB wire server. Everything it declares on the broker is named after a run id and deleted when the
 * context closes.
 */
@SpringBootTest(classes = SampleBusApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventBusIT {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String QUEUE = "test." + RUN_ID + ".bus-sample.tally";
    private static final String DEAD_LETTER_QUEUE = QUEUE + ".dlq";
    private static final int MAX_ATTEMPTS = 3;
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = bindMongo();
    private static final TcpProxy BROKER = startProxy();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "bus-sample");
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/bus");
        registry.add("spring.mongodb.database", () -> "bus");
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", BROKER::port);
        registry.add("platform.bus.exchange", () -> "union.events.test." + RUN_ID);
        registry.add("platform.bus.queue-prefix", () -> "test." + RUN_ID + ".");
        registry.add("platform.bus.delete-topology-on-shutdown", () -> "true");
        registry.add("platform.bus.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("platform.bus.sweep-interval", () -> "300ms");
        registry.add("platform.bus.confirm-timeout", () -> "2s");
        registry.add("platform.bus.outbox-backoff.initial", () -> "200ms");
        registry.add("platform.bus.outbox-backoff.max", () -> "1s");
        registry.add("platform.bus.consumer-backoff.initial", () -> "20ms");
        registry.add("platform.bus.consumer-backoff.max", () -> "100ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,deadletters");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Tracer tracer;
    @Autowired
    TallyHandler handler;
    @Value("${local.server.port}")
    int port;

    private String enrollmentId;

    @BeforeEach
    void newEnrollment() {
        enrollmentId = "enrollment-" + UUID.randomUUID();
    }

    @AfterEach
    void brokerBack() {
        BROKER.restore();
    }

    @Test
    void eventCommittedWhileTheBrokerIsUnreachableIsDeliveredAfterItReturns() {
        var enrollment = new Enrollment(enrollmentId);
        BROKER.cut();
        UUID eventId = enrollment.approve();
        mongo.save(enrollment);

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId) >= 2);
        assertThat(tally()).isNull();

        BROKER.restore();
        await().atMost(Duration.ofSeconds(60)).until(() -> approvals() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending().isEmpty());
        assertThat(handler.calls(eventId)).isEqualTo(1);
    }

    @Test
    void relayKeepsAnEventPendingUntilTheBrokerAcceptsIt() {
        var enrollment = new Enrollment(enrollmentId);
        UUID eventId = enrollment.announceUnroutable();
        double failuresBefore = count(BusMetrics.PUBLISH_FAILURES, "type", "nobody.listens");
        try {
            mongo.save(enrollment);

            // RabbitMQ returns the unroutable message and then acks it: a return is not a delivery.
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId) >= 2);
            assertThat(pending()).extracting(OutboxEvent::eventId).containsExactly(eventId);
            assertThat(count(BusMetrics.PUBLISHED, "type", "nobody.listens")).isZero();
            assertThat(count(BusMetrics.PUBLISH_FAILURES, "type", "nobody.listens")).isGreaterThan(failuresBefore);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(meters.get(BusMetrics.OUTBOX_PENDING).gauge().value()).isGreaterThanOrEqualTo(1);
                assertThat(meters.get(BusMetrics.OUTBOX_OLDEST_AGE).gauge().value()).isGreaterThan(0);
            });
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(enrollmentId)), Enrollment.class);
        }
    }

    @Test
    void resavingAStaleAggregateAfterTheRelayRemovedItsEventLosesNoNewerEvent() {
        var enrollment = new Enrollment(enrollmentId);
        UUID first = enrollment.approve();
        mongo.save(enrollment);
        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 1 && pending().isEmpty());
        assertThat(enrollment.pendingEvents()).extracting(OutboxEvent::eventId).containsExactly(first);

        // The application still holds the aggregate as loaded before the relay removed the first event.
        UUID second = enrollment.approve();
        mongo.save(enrollment);

        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 2 && pending().isEmpty());
        // The first event went out again (a duplicate) and the inbox kept it from being applied twice.
        assertThat(handler.calls(first)).isEqualTo(1);
        assertThat(handler.calls(second)).isEqualTo(1);
    }

    @Test
    void sweeperPublishesAnEventTheRelayWasNeverWokenFor() {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        var event = new Document("eventId", eventId).append("type", "sample.approved").append("version", 1)
                .append("occurredAt", Date.from(now)).append("traceparent", null)
                .append("payload", "{\"enrollmentId\":\"" + enrollmentId + "\"}")
                .append("attempts", 0).append("dueAt", Date.from(now));
        // Written behind Spring Data's back: no save event, so only the sweeper can find it.
        mongo.getCollection("enrollments")
                .insertOne(new Document("_id", enrollmentId).append("status", "APPROVED").append("outbox", List.of(event)));

        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending().isEmpty());
        assertThat(handler.calls(eventId)).isEqualTo(1);
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID eventId = UUID.randomUUID();
        double duplicatesBefore = count(BusMetrics.DUPLICATES, "queue", QUEUE, "type", "sample.approved");

        rabbit.send("union.events.test." + RUN_ID, "sample.approved", envelope(eventId));
        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 1);
        rabbit.send("union.events.test." + RUN_ID, "sample.approved", envelope(eventId));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> count(BusMetrics.DUPLICATES, "queue", QUEUE, "type", "sample.approved") > duplicatesBefore);
        assertThat(handler.calls(eventId)).isEqualTo(1);
        assertThat(approvals()).isEqualTo(1);
    }

    @Test
    void applyOnceIgnoresAnEventTheDocumentAlreadyApplied(@Autowired AppliedEvents appliedEvents) {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(appliedEvents.upsertOnce(Tally.class, enrollmentId, new Update().inc("approvals", 1), first))
                .isTrue();
        assertThat(appliedEvents.upsertOnce(Tally.class, enrollmentId, new Update().inc("approvals", 1), first))
                .isFalse();
        var byId = Query.query(Criteria.where("_id").is(enrollmentId));
        assertThat(appliedEvents.applyOnce(Tally.class, byId, new Update().inc("approvals", 1), first)).isFalse();
        assertThat(appliedEvents.applyOnce(Tally.class, byId, new Update().inc("approvals", 1), second)).isTrue();

        assertThat(approvals()).isEqualTo(2);
        assertThat(tally().appliedEvents()).containsExactly(first, second);
    }

    @Test
    void failingEventIsDeadLetteredAfterMaxAttemptsAndProcessedOnceReplayed() throws Exception {
        handler.failFor(enrollmentId);
        var enrollment = new Enrollment(enrollmentId);
        UUID eventId = enrollment.approve();
        double deadLetteredBefore = count(BusMetrics.DEAD_LETTERED, "queue", QUEUE, "type", "sample.approved");
        mongo.save(enrollment);
        var garbage = new MessageProperties();
        garbage.setMessageId("not-an-event-" + enrollmentId);
        rabbit.send("union.events.test." + RUN_ID, "sample.garbage",
                new Message("not an envelope".getBytes(StandardCharsets.UTF_8), garbage));

        await().atMost(Duration.ofSeconds(30)).until(() -> messages(DEAD_LETTER_QUEUE) == 2);
        // Every failed attempt was redelivered (not acked), and none was applied.
        assertThat(handler.calls(eventId)).isEqualTo(MAX_ATTEMPTS);
        assertThat(tally()).isNull();
        assertThat(messages(QUEUE)).isZero();
        assertThat(count(BusMetrics.DEAD_LETTERED, "queue", QUEUE, "type", "sample.approved"))
                .isEqualTo(deadLetteredBefore + 1);
        assertThat(get("/actuator/deadletters")).contains("\"" + DEAD_LETTER_QUEUE + "\"").contains("\"messages\":2");

        handler.recover(enrollmentId);
        assertThat(post("/actuator/deadletters/" + DEAD_LETTER_QUEUE)).contains("\"moved\":2");

        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 1);
        assertThat(handler.calls(eventId)).isEqualTo(MAX_ATTEMPTS + 1);
        // The message that is no event goes straight back to the dead letters.
        await().atMost(Duration.ofSeconds(20)).until(() -> messages(DEAD_LETTER_QUEUE) == 1);
        assertThat(rabbit.receive(DEAD_LETTER_QUEUE, 5000).getMessageProperties().getMessageId())
                .isEqualTo("not-an-event-" + enrollmentId);
    }

    @Test
    void consumerRunsInTheTraceOfTheRequestThatRegisteredTheEvent() {
        var enrollment = new Enrollment(enrollmentId);
        var span = tracer.nextSpan().name("approve enrollment").start();
        UUID eventId;
        try (var scope = tracer.withSpan(span)) {
            eventId = enrollment.approve();
            mongo.save(enrollment);
        } finally {
            span.end();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls(eventId) == 1);
        assertThat(handler.logTraceId(eventId)).isEqualTo(span.context().traceId());
    }

    @Test
    void publishingAndConsumingMoveTheCounters() {
        double publishedBefore = count(BusMetrics.PUBLISHED, "type", "sample.approved");
        double consumedBefore = count(BusMetrics.CONSUMED, "queue", QUEUE, "type", "sample.approved");
        var enrollment = new Enrollment(enrollmentId);
        enrollment.approve();
        mongo.save(enrollment);

        await().atMost(Duration.ofSeconds(20)).until(() -> approvals() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(BusMetrics.PUBLISHED, "type", "sample.approved")).isGreaterThan(publishedBefore);
            assertThat(count(BusMetrics.CONSUMED, "queue", QUEUE, "type", "sample.approved"))
                    .isGreaterThan(consumedBefore);
        });
    }

    private Message envelope(UUID eventId) {
        String json = """
                {"id":"%s","type":"sample.approved","version":1,"occurredAt":"%s","producer":"bus-sample",
                 "traceparent":null,"payload":{"enrollmentId":"%s"}}""".formatted(eventId, Instant.now(), enrollmentId);
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType("sample.approved");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return new Message(json.getBytes(StandardCharsets.UTF_8), properties);
    }

    private List<OutboxEvent> pending() {
        var enrollment = mongo.findById(enrollmentId, Enrollment.class);
        return enrollment == null ? List.of() : enrollment.pendingEvents();
    }

    private int attempts(UUID eventId) {
        return pending().stream().filter(event -> event.eventId().equals(eventId)).mapToInt(OutboxEvent::attempts)
                .findFirst().orElse(-1);
    }

    private Tally tally() {
        return mongo.findById(enrollmentId, Tally.class);
    }

    private int approvals() {
        Tally tally = tally();
        return tally == null ? 0 : tally.approvals();
    }

    private long messages(String queue) {
        var info = amqpAdmin.getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private String post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String send(HttpRequest request) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }
    }

    private static InetSocketAddress bindMongo() {
        MONGO.bind("127.0.0.1", 0);
        return MONGO.getLocalAddress();
    }

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy(5672);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
