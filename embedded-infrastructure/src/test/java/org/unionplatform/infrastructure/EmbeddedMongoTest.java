package org.unionplatform.infrastructure;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("union_test").getCollection("members");
    }
}
