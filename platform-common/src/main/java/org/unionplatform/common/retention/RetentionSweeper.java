package org.unionplatform.common.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Projections.include;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Expires the documents of the {@link ExpiringCollection}s: at start a TTL index on each date field (MongoDB deletes
 * by it; the index also serves the sweep's query), then every {@code sweep-interval} a bounded delete of what expired,
 * which does the job where TTL is ignored (the embedded MongoDB) and finds next to nothing on MongoDB.
 */
final class RetentionSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final MongoOperations mongo;
    private final List<ExpiringCollection> collections;
    private final RetentionProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    RetentionSweeper(MongoOperations mongo, List<ExpiringCollection> collections, RetentionProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.properties = properties;
        this.clock = clock;
    }

    void ensureIndexes() {
        for (ExpiringCollection expiring : collections) {
            try {
                mongo.getCollection(expiring.collection()).createIndex(Indexes.ascending(expiring.field()),
                        new IndexOptions().expireAfter(expiring.after().toSeconds(), TimeUnit.SECONDS));
            } catch (MongoException e) {
                // E.g. an index on the field with another expiry: the sweep still expires by the configured one.
                log.warn("TTL index on {}.{} not created: {}", expiring.collection(), expiring.field(),
                        e.getMessage());
            }
        }
    }

    /** Deletes what expired, at most {@code batch-size * max-batches} documents per collection; the count. */
    long sweep() {
        long deleted = 0;
        for (ExpiringCollection expiring : collections) {
            deleted += sweep(expiring);
        }
        return deleted;
    }

    private long sweep(ExpiringCollection expiring) {
        MongoCollection<Document> collection = mongo.getCollection(expiring.collection());
        Bson expired = lt(expiring.field(), Date.from(clock.instant().minus(expiring.after())));
        long deleted = 0;
        for (int batch = 0; batch < properties.maxBatches(); batch++) {
            List<Object> ids = new ArrayList<>(properties.batchSize());
            for (Document document : collection.find(expired).projection(include("_id"))
                    .limit(properties.batchSize())) {
                ids.add(document.get("_id"));
            }
            if (ids.isEmpty()) {
                break;
            }
            // By _id (an index lookup everywhere), still only if expired: it may have been renewed meanwhile.
            deleted += collection.deleteMany(and(in("_id", ids), expired)).getDeletedCount();
            if (ids.size() < properties.batchSize()) {
                break;
            }
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            long deleted = sweep();
            if (deleted > 0) {
                log.info("Retention: deleted {} expired documents", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed, trying again in {}: {}", properties.sweepInterval(), e.getMessage());
        }
    }

    @Override
    public void start() {
        ensureIndexes();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("retention-sweeper").daemon()
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
}
