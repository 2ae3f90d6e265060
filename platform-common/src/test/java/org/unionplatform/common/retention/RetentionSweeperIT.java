package org.unionplatform.common.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionplatform.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Expiry on the test MongoDB (the embedded one ignores TTL indexes): the sweep deletes what expired, in batches. */
class RetentionSweeperIT {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, TestInfrastructure.newDatabaseName());
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void deletesExpiredDocumentsInBoundedBatchesAndKeepsTheOthers() {
        var inbox = new ExpiringCollection("bus_inbox", "processedAt", Duration.ofDays(14));
        var keys = new ExpiringCollection("idempotency_keys", "startedAt", Duration.ofDays(7));
        List<Document> entries = new ArrayList<>();
        for (int n = 0; n < 250; n++) {
            entries.add(new Document("_id", "old-" + n).append("processedAt", Date.from(NOW.minus(Duration.ofDays(15)))));
        }
        entries.add(new Document("_id", "recent").append("processedAt", Date.from(NOW.minus(Duration.ofDays(13)))));
        entries.add(new Document("_id", "in-progress")); // never processed: kept for its attempts
        mongo.getCollection("bus_inbox").insertMany(entries);
        mongo.getCollection("idempotency_keys").insertMany(List.of(
                new Document("_id", "k-old").append("startedAt", Date.from(NOW.minus(Duration.ofDays(8)))),
                new Document("_id", "k-new").append("startedAt", Date.from(NOW.minus(Duration.ofDays(6))))));
        var properties = new RetentionProperties(Duration.ofMinutes(10), 100, 2, List.of());
        var sweeper = new RetentionSweeper(mongo, List.of(inbox, keys), properties, Clock.fixed(NOW, ZoneOffset.UTC));

        sweeper.ensureIndexes();
        assertThat(mongo.getCollection("bus_inbox").listIndexes()).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("processedAt", 1));
            assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(14 * 24 * 3600);
        });

        assertThat(sweeper.sweep()).as("two batches of 100, and the old key").isEqualTo(201);
        assertThat(sweeper.sweep()).as("the rest of the inbox").isEqualTo(50);
        assertThat(sweeper.sweep()).isZero();
        assertThat(mongo.getCollection("bus_inbox").find().map(document -> document.getString("_id")))
                .containsExactlyInAnyOrder("recent", "in-progress");
        assertThat(mongo.getCollection("idempotency_keys").find().map(document -> document.getString("_id")))
                .containsExactly("k-new");
    }
}
