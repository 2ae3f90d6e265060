package org.unionplatform.station.counting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

/**
 * Counting on write, exactly once per visit id, without transactions: the station-day document holds the ids
 * of the visits it counted and every increment is conditional on the id not being there yet, in the same
 * single-document update. A retry, a redelivery, a recovery sweep or a racing instance can repeat the call
 * freely. Other figures (totals, averages, roll-ups) are sums of these documents and of their monthly folds
 * ({@link MonthFolds}), never scans of visits. Every update raises the day's {@code rev} and marks it
 * {@code dirty} in the same write, so the fold learns of it.
 */
@Component
public class VisitDayRepository {

    static final String VISIT_IDS = "visitIds";
    static final String RECLASSIFIED_IDS = "reclassifiedIds";
    static final String REV = "rev";
    static final String DIRTY = "dirty";

    private final MongoOperations mongo;

    VisitDayRepository(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * What is counted of one visit; {@code flag} non-null counts it apart (flagged) under that reason;
     * {@code nonMember}: an anonymous visitor (no card or QR code shown), counted also by worker type apart.
     */
    public record Tally(String visitId, String stationId, String day, int hour, String orgPath, String divisionCode,
            String workerType, List<String> services, String flag, boolean nonMember) {
    }

    /** Counts the visit unless its day document counted it already; true if counted now. */
    public boolean count(Tally tally) {
        Query notYet = Query.query(where("_id").is(VisitDay.key(tally.stationId(), tally.day()))
                .and(VISIT_IDS).ne(tally.visitId()));
        Update update = touched(new Update()).push(VISIT_IDS, tally.visitId())
                .setOnInsert("stationId", tally.stationId()).setOnInsert("day", tally.day())
                .setOnInsert("orgPath", tally.orgPath()).setOnInsert("divisionCode", tally.divisionCode());
        increments(List.of(tally)).forEach(update::inc);
        try {
            UpdateResult result = mongo.upsert(notYet, update, VisitDay.COLLECTION);
            return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException exists) {
            // Either another visit created the document a moment ago (count into it now), or the document
            // exists and holds this visit id (the update below matches nothing).
            return mongo.updateFirst(notYet, update, VisitDay.COLLECTION).getModifiedCount() == 1;
        }
    }

    /**
     * Counts several visits (a batch upload): the visits of one station-day in one conditional update when none
     * of them is counted yet ({@code visitIds} holds none of their ids), else one by one, each apply-once.
     */
    public void countAll(List<Tally> tallies) {
        Map<String, List<Tally>> byDay = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Tally tally : tallies) {
            if (seen.add(tally.visitId())) {
                byDay.computeIfAbsent(VisitDay.key(tally.stationId(), tally.day()), key -> new ArrayList<>()).add(tally);
            }
        }
        byDay.forEach((key, sameDay) -> {
            if (sameDay.size() == 1 || !countTogether(key, sameDay)) {
                sameDay.forEach(this::count);
            }
        });
    }

    /** True if all were counted by this one update; false if it changed nothing (one of them was counted). */
    private boolean countTogether(String key, List<Tally> sameDay) {
        List<String> ids = sameDay.stream().map(Tally::visitId).toList();
        Tally first = sameDay.getFirst();
        Query noneYet = Query.query(where("_id").is(key).and(VISIT_IDS).nin(ids));
        Update update = touched(new Update());
        update.push(VISIT_IDS).each(ids.toArray());
        update.setOnInsert("stationId", first.stationId()).setOnInsert("day", first.day())
                .setOnInsert("orgPath", first.orgPath()).setOnInsert("divisionCode", first.divisionCode());
        increments(sameDay).forEach(update::inc);
        try {
            UpdateResult result = mongo.upsert(noneYet, update, VisitDay.COLLECTION);
            return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException exists) {
            return mongo.updateFirst(noneYet, update, VisitDay.COLLECTION).getModifiedCount() == 1;
        }
    }

    /** The increments of some visits of one day: normal ones in count and breakdowns, flagged ones apart. */
    private static Map<String, Long> increments(List<Tally> tallies) {
        Map<String, Long> increments = new TreeMap<>();
        for (Tally tally : tallies) {
            if (tally.flag() != null) {
                increments.merge("flagged", 1L, Long::sum);
                increments.merge("flaggedByReason." + tally.flag(), 1L, Long::sum);
                continue;
            }
            increments.merge("count", 1L, Long::sum);
            increments.merge("byWorkerType." + tally.workerType(), 1L, Long::sum);
            if (tally.nonMember()) {
                increments.merge("nonMembers", 1L, Long::sum);
                increments.merge("nonMembersByWorkerType." + tally.workerType(), 1L, Long::sum);
            }
            increments.merge("byHour." + "%02d".formatted(tally.hour()), 1L, Long::sum);
            tally.services().forEach(service -> increments.merge("byService." + service, 1L, Long::sum));
        }
        return increments;
    }

    /** Every change of a day raises its revision and leaves it to be folded into its month. */
    private static Update touched(Update update) {
        return update.inc(REV, 1L).set(DIRTY, true);
    }

    /**
     * Moves a counted visit from one worker type to another once (a member verified later turned out to be
     * of another type than the attendant recorded); true if moved now.
     */
    public boolean reclassify(String visitId, String stationId, String day, String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        Query counted = Query.query(where("_id").is(VisitDay.key(stationId, day)).and(VISIT_IDS).is(visitId)
                .and(RECLASSIFIED_IDS).ne(visitId));
        Update update = touched(new Update()).inc("byWorkerType." + from, -1L).inc("byWorkerType." + to, 1L)
                .push(RECLASSIFIED_IDS, visitId);
        return mongo.updateFirst(counted, update, VisitDay.COLLECTION).getModifiedCount() == 1;
    }
}
