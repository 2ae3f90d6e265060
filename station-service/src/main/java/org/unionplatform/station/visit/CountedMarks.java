package org.unionplatform.station.visit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import jakarta.annotation.PreDestroy;

/**
 * Sets {@code counted: true} on counted visits in bulk, a few times a second, instead of one write per visit
 * inside the request. The flag is only a hint for the {@link VisitSweeps counting sweep}: the counting itself is
 * apply-once by visit id, so a flag written late (or lost with the process) costs at most a sweep repeating a
 * count that changes nothing.
 */
@Component
class CountedMarks {

    private static final Logger log = LoggerFactory.getLogger(CountedMarks.class);
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final int BULK = 1_000;

    private final MongoOperations mongo;
    private final TaskScheduler scheduler;
    private final ConcurrentLinkedQueue<String> visitIds = new ConcurrentLinkedQueue<>();

    CountedMarks(MongoOperations mongo, TaskScheduler scheduler) {
        this.mongo = mongo;
        this.scheduler = scheduler;
    }

    void add(String visitId) {
        visitIds.add(visitId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(this::flushQuietly, INTERVAL);
    }

    @PreDestroy
    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The marks are lost only as hints: the counting sweep repeats those counts harmlessly.
            log.warn("Could not mark counted visits: {}", e.toString());
        }
    }

    /** @return visits marked now */
    int flush() {
        int marked = 0;
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String id = visitIds.poll(); id != null; id = visitIds.poll()) {
            writes.add(new UpdateOneModel<>(eq("_id", id), set("counted", true)));
            if (writes.size() == BULK) {
                marked += write(writes);
            }
        }
        return marked + write(writes);
    }

    private int write(List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        mongo.getCollection(Visit.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        int written = writes.size();
        writes.clear();
        return written;
    }
}
