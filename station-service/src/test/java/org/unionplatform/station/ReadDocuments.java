package org.unionplatform.station;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonArray;
import org.bson.BsonDocument;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Counts the documents the MongoDB server returned to this service per collection (the batches of every
 * {@code find} and {@code getMore} reply), measured on the wire.
 */
public final class ReadDocuments implements CommandListener {

    static final ReadDocuments INSTANCE = new ReadDocuments();

    private final Map<String, AtomicLong> returned = new ConcurrentHashMap<>();

    private ReadDocuments() {
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!event.getCommandName().equals("find") && !event.getCommandName().equals("getMore")) {
            return;
        }
        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
        if (cursor == null) {
            return;
        }
        BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                : cursor.getArray("nextBatch", new BsonArray());
        String namespace = cursor.getString("ns").getValue();
        String collection = namespace.substring(namespace.indexOf('.') + 1);
        returned.computeIfAbsent(collection, key -> new AtomicLong()).addAndGet(batch.size());
    }

    public void reset() {
        returned.clear();
    }

    public long from(String collection) {
        AtomicLong count = returned.get(collection);
        return count == null ? 0 : count.get();
    }
}
