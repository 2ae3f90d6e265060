package org.unionplatform.station.station;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Station documents as read by the hot paths (a check-in's station, assignment and status checks; the finder's
 * candidates), kept for a few seconds: every check-in at a station and every finder query near it would
 * otherwise read the same documents again.
 * <p>
 * A station saved by this instance is dropped from its cache at once. Another instance's change (a
 * suspension, a move) is seen here within {@code platform.station.station-cache.ttl} at the latest; staff
 * pages ({@link Stations}) always read the database. Unknown ids are remembered too (briefly), so a flood of
 * check-ins for a wrong station id costs no reads.
 */
@Component
public class StationCache extends AbstractMongoEventListener<Station> {

    private final MongoOperations mongo;
    private final long ttlNanos;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    StationCache(MongoOperations mongo, @Value("${platform.station.station-cache.ttl:5s}") Duration ttl,
            @Value("${platform.station.station-cache.max-entries:20000}") int maxEntries) {
        this.mongo = mongo;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    private record Entry(Station station, long readAt) {
    }

    /** The station, from the cache if read within the time to live, else from the database. */
    public Optional<Station> find(String id) {
        long now = System.nanoTime();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.readAt() < ttlNanos) {
            return Optional.ofNullable(entry.station());
        }
        Station station = mongo.findById(id, Station.class);
        remember(id, station, now);
        return Optional.ofNullable(station);
    }

    /** The stations of these ids that exist, by id; what the cache lacks is read with one query on {@code _id}. */
    public Map<String, Station> findAll(Collection<String> ids) {
        long now = System.nanoTime();
        Map<String, Station> found = new HashMap<>(ids.size() * 2);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Entry entry = entries.get(id);
            if (entry != null && now - entry.readAt() < ttlNanos) {
                if (entry.station() != null) {
                    found.put(id, entry.station());
                }
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Station station : mongo.find(Query.query(Criteria.where("_id").in(missing)), Station.class)) {
                found.put(station.id(), station);
            }
            missing.forEach(id -> remember(id, found.get(id), now));
        }
        return found;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Station> event) {
        entries.remove(event.getSource().id());
    }

    private void remember(String id, Station station, long readAt) {
        if (entries.size() >= maxEntries) {
            evictSome(readAt);
        }
        entries.put(id, new Entry(station, readAt));
    }

    /** Drops expired entries, and if that is not enough, about a tenth of the rest (whichever come first). */
    private void evictSome(long now) {
        entries.values().removeIf(entry -> now - entry.readAt() >= ttlNanos);
        int excess = entries.size() - maxEntries + maxEntries / 10;
        for (Iterator<String> ids = entries.keySet().iterator(); excess > 0 && ids.hasNext(); excess--) {
            ids.next();
            ids.remove();
        }
    }
}
