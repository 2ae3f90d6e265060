package org.unionplatform.organization.auth;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One in-memory MongoDB-wire server per test JVM, until test-support's shared infrastructure lands here. */
final class EmbeddedMongo {

    private static final MongoServer SERVER = start();

    private EmbeddedMongo() {
    }

    static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort());
        registry.add("spring.mongodb.database", () -> database);
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", () -> 5672);
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }
}
