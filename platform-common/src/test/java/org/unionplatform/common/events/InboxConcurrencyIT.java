package org.unionplatform.common.events;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionplatform.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two consumers (two instances of a service, each with its own {@link InboxListener}) get the same event at the
 * same moment, on the test infrastructure's MongoDB over the wire protocol. The handler's effect is a plain
 * {@code $inc} with no guard of its own, so only the inbox's claim keeps it to one. A requeued delivery (nack) is
 * delivered again, as the broker would.
 */
class InboxConcurrencyIT {

    private static final String QUEUE = "test.inbox-race";
    private static final int EVENTS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MongoClient client;
    private static String database;
    private static MongoTemplate mongo;

    private final AtomicLong deliveryTags = new AtomicLong();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        database = TestInfrastructure.newDatabaseName();
        mongo = new MongoTemplate(client, database);
    }

    @AfterAll
    static void dropDatabase() {
        client.getDatabase(database).drop();
        client.close();
    }

    @Test
    void twoConsumersReceivingTheSameEventAtOnceApplyItExactlyOnce() throws Exception {
        var effects = "effects-" + UUID.randomUUID();
        var calls = new ConcurrentHashMap<UUID, AtomicInteger>();
        // Every tenth event's handler fails on its first call: the redelivery must still apply it, once.
        EventHandler handler = event -> {
            int call = calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (event.payload(Map.class).get("n") instanceof Integer n && n % 10 == 0 && call == 1) {
                throw new IllegalStateException("store unavailable");
            }
            Thread.sleep(1); // a handler takes time: both deliveries are inside it at once without a claim
            mongo.getCollection(effects).updateOne(eq("_id", event.id().toString()), Updates.inc("applied", 1),
                    new UpdateOptions().upsert(true));
        };
        BusProperties properties = properties(Duration.ofMinutes(1));
        InboxListener first = listener(handler, properties);
        InboxListener second = listener(handler, properties);

        ExecutorService consumers = Executors.newFixedThreadPool(2);
        List<UUID> eventIds = new ArrayList<>();
        try {
            for (int n = 0; n < EVENTS; n++) {
                EventEnvelope envelope = envelope(n);
                eventIds.add(envelope.id());
                var together = new CyclicBarrier(2);
                Future<Integer> a = consumers.submit(() -> deliverUntilAcked(first, envelope, together));
                Future<Integer> b = consumers.submit(() -> deliverUntilAcked(second, envelope, together));
                assertThat(a.get(30, TimeUnit.SECONDS)).as("deliveries of copy A").isPositive();
                assertThat(b.get(30, TimeUnit.SECONDS)).as("deliveries of copy B").isPositive();
            }
        } finally {
            consumers.shutdownNow();
        }

        for (int n = 0; n < EVENTS; n++) {
            UUID id = eventIds.get(n);
            Document effect = mongo.getCollection(effects).find(eq("_id", id.toString())).first();
            assertThat(effect).as("effect of event %d", n).isNotNull();
            assertThat(effect.getInteger("applied")).as("times event %d was applied", n).isEqualTo(1);
            assertThat(calls.get(id).get()).as("handler calls for event %d", n).isEqualTo(n % 10 == 0 ? 2 : 1);
        }
    }

    @Test
    void anEventClaimedByAConsumerThatDiedIsAppliedOnceTheLeaseRanOut() throws Exception {
        var applied = new AtomicInteger();
        BusProperties properties = properties(Duration.ofMillis(300));
        Inbox inbox = new Inbox(mongo, properties, Clock.systemUTC());
        InboxListener survivor = listener(event -> applied.incrementAndGet(), properties);
        EventEnvelope envelope = envelope(1);

        // The consumer that claimed it died before its handler finished: nothing marks it processed or failed.
        assertThat(inbox.claim(QUEUE, envelope)).isEqualTo(Inbox.Claim.WON);
        assertThat(deliverOnce(survivor, envelope)).as("redelivered while the lease runs").isEqualTo("nack");
        assertThat(applied).hasValue(0);

        Thread.sleep(properties.inboxLease().toMillis() + 50);
        assertThat(deliverOnce(survivor, envelope)).isEqualTo("ack");
        assertThat(deliverOnce(survivor, envelope)).as("a later duplicate").isEqualTo("ack");
        assertThat(applied).hasValue(1);
        assertThat(inbox.claim(QUEUE, envelope)).isEqualTo(Inbox.Claim.PROCESSED);
    }

    /** Delivers one copy (after the other consumer is ready), redelivering while it is requeued; deliveries made. */
    private int deliverUntilAcked(InboxListener listener, EventEnvelope envelope, CyclicBarrier together)
            throws Exception {
        together.await(10, TimeUnit.SECONDS);
        for (int delivery = 1; delivery <= 500; delivery++) {
            if (deliverOnce(listener, envelope).equals("ack")) {
                return delivery;
            }
        }
        return -1;
    }

    /** One delivery to the listener: "ack" or "nack" (requeued), as the listener answered the channel. */
    private String deliverOnce(InboxListener listener, EventEnvelope envelope) throws Exception {
        var properties = new MessageProperties();
        properties.setDeliveryTag(deliveryTags.incrementAndGet());
        properties.setMessageId(envelope.id().toString());
        var answer = new StringBuilder();
        Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
                new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "basicAck" -> answer.append("ack");
                        case "basicNack", "basicReject" -> answer.append("nack");
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        listener.onMessage(new Message(JSON.writeValueAsBytes(envelope), properties), channel);
        return answer.toString();
    }

    private static InboxListener listener(EventHandler handler, BusProperties properties) {
        Inbox inbox = new Inbox(mongo, properties, Clock.systemUTC());
        // Never reached: no event fails max-attempts times here.
        var deadLetters = new DeadLetters(null, null, inbox, properties);
        return new InboxListener(QUEUE, handler, inbox, deadLetters, properties,
                new BusMetrics(new SimpleMeterRegistry()), JSON);
    }

    private static BusProperties properties(Duration inboxLease) {
        var pause = new BusProperties.Backoff(Duration.ofMillis(1), Duration.ofMillis(5));
        return new BusProperties("union.events", "", null, 5, 100, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(5), pause, pause, "bus_inbox_" + UUID.randomUUID(), Duration.ofDays(14),
                inboxLease, 50, Duration.ofMinutes(15), false);
    }

    private static EventEnvelope envelope(int n) {
        return new EventEnvelope(UUID.randomUUID(), "sample.counted", 1, Instant.now(), "sample", null,
                JSON.createObjectNode().put("n", n));
    }
}
