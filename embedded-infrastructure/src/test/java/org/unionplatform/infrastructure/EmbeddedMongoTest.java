package org.unionplatform.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTest {

    @Test
    void h2FileBackendKeepsADocumentAcrossAStopAndStart(@TempDir Path dir) {
        Path file = dir.resolve("mongo/union.mv");

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            members(client).insertOne(new Document("_id", "m-1").append("name", "Zhang San"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = members(client).find(new Document("_id", "m-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Zhang San");
        }
    }

    @Test
    void memoryBackendStartsEmptyEachTime() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            members(client).insertOne(new Document("_id", "m-1"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(members(client).countDocuments()).isZero();
        }
    }

    @Test
    void everyDatabaseAnswersHelloAsRealMongoDbDoes(@TempDir Path dir) {
        // Spring Boot's health check sends hello to each database; isMaster alone is not enough.
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory("127.0.0.1", 0);
             EmbeddedMongo file = EmbeddedMongo.onFile(dir.resolve("hello.mv"), "127.0.0.1", 0)) {
            for (EmbeddedMongo mongo : java.util.List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                    members(client).insertOne(new Document("_id", "m-1"));
                    Document reply = client.getDatabase("union_test").runCommand(new Document("hello", 1));
                    assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
                    assertThat(reply.getInteger("maxWireVersion")).isPositive();
                }
            }
        }
    }

    @Test
    void connectionStringNamesTheBoundAddress() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory("127.0.0.1", 0)) {
            assertThat(mongo.port()).isPositive();
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        }
    }

    @Test
    void bindingAPortInUseFailsClearly() {
        try (EmbeddedMongo first = EmbeddedMongo.inMemory("127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedMongo.inMemory("127.0.0.1", first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    @Test
    void aQueryOnAUniqueKeyWithFurtherConditionsFindsExactlyWhatAScanWould(@TempDir Path dir) {
        // Both backends: the unique key finds the candidate, the further conditions still decide.
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory("127.0.0.1", 0);
             EmbeddedMongo file = EmbeddedMongo.onFile(dir.resolve("lookup.mv"), "127.0.0.1", 0)) {
            for (EmbeddedMongo mongo : java.util.List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                    MongoCollection<Document> days = client.getDatabase("union_test").getCollection("days");
                    days.createIndex(new Document("code", 1), new IndexOptions().unique(true));
                    for (int i = 0; i < 50; i++) {
                        days.insertOne(new Document("_id", "d" + i).append("code", "c" + i).append("count", 0)
                                .append("ids", java.util.List.of("v" + i)));
                    }
                    var notYet = Filters.and(Filters.eq("_id", "d7"), Filters.ne("ids", "v-new"));
                    var inc = Updates.combine(Updates.inc("count", 1), Updates.push("ids", "v-new"));

                    assertThat(days.updateOne(notYet, inc).getModifiedCount()).isOne();
                    assertThat(days.updateOne(notYet, inc).getModifiedCount()).isZero();
                    assertThat(days.find(Filters.and(Filters.eq("code", "c7"), Filters.eq("count", 1))).first().get("_id"))
                            .isEqualTo("d7");
                    assertThat(days.find(Filters.and(Filters.eq("code", "c7"), Filters.eq("count", 2))).first())
                            .isNull();
                    assertThat(days.countDocuments(Filters.and(Filters.eq("_id", "missing"), Filters.eq("count", 0))))
                            .isZero();
                    assertThat(days.countDocuments(Filters.and(Filters.in("_id", "d1", "d2"), Filters.eq("count", 0))))
                            .isEqualTo(2);
                    var upsert = days.updateOne(Filters.and(Filters.eq("_id", "d-new"), Filters.ne("ids", "v1")),
                            inc, new UpdateOptions().upsert(true));
                    assertThat(upsert.getUpsertedId()).isNotNull();
                    assertThat(days.find(Filters.eq("_id", "d-new")).first().getInteger("count")).isOne();
                    assertThat(days.countDocuments(Filters.eq("count", 0))).isEqualTo(49);
                }
            }
        }
    }

    @Test
    void longReadsOnTheH2FileSucceedWhileWritesGoOn(@TempDir Path dir) throws Exception {
        // H2's store frees old chunks in the background; a scan still reading one failed with "Chunk N not found".
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(dir.resolve("busy.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("union_test").getCollection("busy");
            String padding = "x".repeat(800);
            List<Document> initial = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                initial.add(new Document("_id", i).append("n", 0).append("padding", padding));
            }
            docs.insertMany(initial);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> writeFailure = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int seed = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    var random = new java.util.Random(seed);
                    try {
                        while (writing.get()) {
                            // Whole documents rewritten: pages move between chunks and old chunks empty out.
                            int id = random.nextInt(20_000);
                            docs.replaceOne(Filters.eq("_id", id), new Document("n", 0)
                                    .append("padding", Integer.toString(random.nextInt()).repeat(80)));
                        }
                    } catch (RuntimeException e) {
                        writeFailure.set(e);
                    }
                }));
            }
            try {
                for (int scan = 0; scan < 30; scan++) {
                    assertThat(docs.countDocuments(Filters.gte("n", 0))).isEqualTo(20_000);
                }
            } finally {
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            assertThat(writeFailure.get()).isNull();
        }
    }

    @Test
    void uniqueIndexesOnTheH2FileHoldAcrossRestartsDropsAndFilesWrittenByTheLibrarysOwnIndexes(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("unique.mv");
        // A file as the library's own H2 indexes wrote it (before this project's ordered index).
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer plain = new MongoServer(new H2Backend(store));
        var address = plain.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> cards = client.getDatabase("union_test").getCollection("cards");
            cards.createIndex(new Document("number", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                cards.insertOne(new Document("_id", "m" + i).append("number", "6101032600" + i));
            }
        }
        plain.shutdown();

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> cards = client.getDatabase("union_test").getCollection("cards");
                assertThat(cards.find(Filters.eq("number", "6101032600" + 7)).first().get("_id")).isEqualTo("m7");
                assertThat(cards.countDocuments(Filters.in("_id", "m1", "m299", "absent"))).isEqualTo(2);
                assertThatThrownBy(() -> cards.insertOne(new Document("_id", "other").append("number", "61010326007")))
                        .hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> cards.insertOne(new Document("_id", "m3")))
                        .hasMessageContaining("duplicate key");
                if (start == 0) {
                    cards.insertOne(new Document("_id", "m300").append("number", "6101032600300"));
                    cards.deleteOne(Filters.eq("_id", "m0"));
                } else {
                    assertThat(cards.find(Filters.eq("number", "6101032600300")).first().get("_id")).isEqualTo("m300");
                    assertThat(cards.find(Filters.eq("number", "61010326000")).first()).isNull();
                }
            }
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> cards = client.getDatabase("union_test").getCollection("cards");
            cards.drop();
            cards.createIndex(new Document("number", 1), new IndexOptions().unique(true));
            cards.insertOne(new Document("_id", "m7").append("number", "61010326007"));
            assertThat(cards.countDocuments()).isOne();
            cards.dropIndex("number_1");
            cards.insertOne(new Document("_id", "twin").append("number", "61010326007"));
            assertThat(cards.countDocuments(Filters.eq("number", "61010326007"))).isEqualTo(2);
        }
    }

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("union_test").getCollection("members");
    }
}
