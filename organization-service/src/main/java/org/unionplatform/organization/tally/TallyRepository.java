package org.unionplatform.organization.tally;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.events.AppliedEvents;

/**
 * Keeps the subtree totals ({@link Tally}) of every ancestor up to date. A change is given per organisation
 * (the ids along a materialized path) as counter deltas; each tally document is updated with {@code $inc},
 * so changes commute: the order in which they arrive does not matter, only that each is applied once.
 */
@Component
public class TallyRepository {

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    TallyRepository(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    /** Adds {@code deltas} to the all-time totals of every organisation in {@code ids}. */
    public void add(Collection<String> ids, Map<String, Long> deltas) {
        ids.forEach(id -> upsert(id, Tally.ALL, deltas, List.of(), null));
    }

    /** Adds all-time deltas, and period deltas to the month and its year, for every organisation in {@code ids}. */
    public void add(Collection<String> ids, Map<String, Long> allDeltas, YearMonth month,
            Map<String, Long> periodDeltas) {
        ids.forEach(id -> {
            upsert(id, Tally.ALL, allDeltas, periods(month), null);
            for (String period : periods(month)) {
                upsert(id, period, periodDeltas, List.of(), null);
            }
        });
    }

    /**
     * Applies one event's per-organisation deltas at most once per tally document: a redelivery after a crash
     * half-way re-applies only what is missing.
     */
    public void applyEvent(UUID eventId, Map<String, Map<String, Long>> allDeltasById, YearMonth month,
            Map<String, Map<String, Long>> periodDeltasById) {
        allDeltasById.forEach((id, deltas) -> upsert(id, Tally.ALL, deltas, periods(month), eventId));
        periodDeltasById.forEach((id, deltas) -> {
            for (String period : periods(month)) {
                upsert(id, period, deltas, List.of(), eventId);
            }
        });
    }

    private static List<String> periods(YearMonth month) {
        return List.of(String.valueOf(month.getYear()), month.toString());
    }

    public Optional<Tally> find(String organizationId, String bucket) {
        return Optional.ofNullable(mongo.findById(Tally.id(organizationId, bucket), Tally.class));
    }

    /** The counters of several buckets of one organisation, by bucket (absent buckets are missing), in one read. */
    public Map<String, Map<String, Long>> counters(String organizationId, Collection<String> buckets) {
        List<String> ids = buckets.stream().map(bucket -> Tally.id(organizationId, bucket)).toList();
        Map<String, Map<String, Long>> byBucket = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), Tally.class)
                .forEach(tally -> byBucket.put(tally.bucket(), tally.counters()));
        return byBucket;
    }

    public long counter(String organizationId, String counter) {
        return find(organizationId, Tally.ALL).map(t -> t.counter(counter)).orElse(0L);
    }

    public long sum(String organizationId, String prefix) {
        return find(organizationId, Tally.ALL).map(t -> t.sum(prefix)).orElse(0L);
    }

    public Map<String, Long> counters(String organizationId, String bucket) {
        return find(organizationId, bucket).map(Tally::counters).orElse(Map.of());
    }

    /**
     * A subtree moved: its totals (every bucket) leave the ancestors it no longer has and join the new ones.
     * Ancestors both paths share keep their totals.
     */
    public void moveSubtree(String movedId, List<String> oldAncestors, List<String> newAncestors) {
        Set<String> leaving = new LinkedHashSet<>(oldAncestors);
        leaving.removeAll(newAncestors);
        Set<String> joining = new LinkedHashSet<>(newAncestors);
        joining.removeAll(oldAncestors);
        Optional<Tally> all = find(movedId, Tally.ALL);
        if (all.isEmpty()) {
            return;
        }
        shift(all.get(), Tally.ALL, leaving, joining);
        for (String period : all.get().periods()) {
            find(movedId, period).ifPresent(tally -> shift(tally, period, leaving, joining));
        }
    }

    /** Removes the tallies of a deleted organisation (its ancestors were adjusted by the caller). */
    public void forget(String organizationId) {
        find(organizationId, Tally.ALL).ifPresent(all -> {
            List<String> ids = new ArrayList<>();
            ids.add(all.id());
            all.periods().forEach(period -> ids.add(Tally.id(organizationId, period)));
            mongo.remove(Query.query(where("_id").in(ids)), Tally.class);
        });
    }

    private void shift(Tally tally, String bucket, Set<String> leaving, Set<String> joining) {
        Map<String, Long> negative = new HashMap<>();
        tally.counters().forEach((name, value) -> negative.put(name, -value));
        boolean period = !bucket.equals(Tally.ALL);
        leaving.forEach(id -> upsert(id, bucket, negative, List.of(), null));
        joining.forEach(id -> {
            upsert(id, bucket, tally.counters(), List.of(), null);
            if (period) {
                upsert(id, Tally.ALL, Map.of(), List.of(bucket), null);
            }
        });
    }

    private void upsert(String organizationId, String bucket, Map<String, Long> deltas, List<String> periods,
            UUID eventId) {
        if (deltas.isEmpty() && periods.isEmpty()) {
            return;
        }
        Update update = new Update().setOnInsert("organizationId", organizationId).setOnInsert("bucket", bucket);
        deltas.forEach((name, value) -> update.inc("counters." + name, value));
        if (!periods.isEmpty()) {
            update.addToSet("periods").each(periods.toArray());
        }
        String id = Tally.id(organizationId, bucket);
        if (eventId == null) {
            mongo.upsert(Query.query(where("_id").is(id)), update, Tally.class);
        } else {
            appliedEvents.upsertOnce(Tally.class, id, update, eventId);
        }
    }
}
