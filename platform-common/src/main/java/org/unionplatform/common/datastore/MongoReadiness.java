package org.unionplatform.common.datastore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB's health (the {@code mongo} contributor of readiness) under the same deadline as a request: Boot's own
 * indicator asks with the bare client, which waits for an answer as long as the socket allows, so a stalled database
 * kept the readiness probe hanging instead of reporting DOWN.
 */
final class MongoReadiness extends AbstractHealthIndicator {

    private final MongoClient client;
    private final long timeoutMillis;

    MongoReadiness(MongoClient client, Duration timeout) {
        super("MongoDB health check failed");
        this.client = client;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document hello = client.getDatabase("admin").withTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .runCommand(new Document("hello", 1));
        builder.up().withDetail("maxWireVersion", hello.get("maxWireVersion"));
    }
}
