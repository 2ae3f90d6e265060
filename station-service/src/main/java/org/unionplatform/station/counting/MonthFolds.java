package org.unionplatform.station.counting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.StationProperties;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Folds closed station-days into their {@link VisitMonth}, so that a roll-up over a year reads about twelve
 * documents per station instead of 365. A round takes the days changed since their last fold ({@code dirty},
 * or never folded: no {@code rev}), recomputes each touched station-month whole from its day documents, writes
 * it if no other fold wrote it meanwhile ({@code folds} version), then clears {@code dirty} on each day whose
 * {@code rev} is still the one folded. A count arriving meanwhile (a late visit) keeps its day dirty; a crash
 * anywhere only leaves days dirty for the next round. Readers never trust a month with a dirty day (see
 * {@link VisitCounts}), so figures are exact whether or not a round has run.
 */
@Component
public class MonthFolds {

    private static final Logger log = LoggerFactory.getLogger(MonthFolds.class);
    private static final int BATCH = 2_000;

    private final MongoOperations mongo;
    private final TaskScheduler scheduler;
    private final StationProperties.Visits rules;
    private final Clock clock;

    MonthFolds(MongoOperations mongo, TaskScheduler scheduler, StationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.scheduler = scheduler;
        this.rules = properties.visits();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(this::foldQuietly, rules.foldSweep());
    }

    private void foldQuietly() {
        try {
            while (foldRound() == BATCH) {
                log.debug("More station-days to fold");
            }
        } catch (RuntimeException e) {
            log.warn("Folding station-days into months failed: {}", e.toString());
        }
    }

    /**
     * @return changed closed days found (at most one batch); their station-months are folded now, from one read
     *         of the day documents of the stations and months concerned
     */
    public int foldRound() {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Query changed = Query.query(new Criteria().andOperator(where("day").lt(today.toString()), unfolded()))
                .limit(BATCH);
        changed.fields().include("stationId").include("day");
        List<Document> found = mongo.find(changed, Document.class, VisitDay.COLLECTION);
        if (found.isEmpty()) {
            return 0;
        }
        Set<String> stationMonths = new LinkedHashSet<>();
        Set<String> stations = new LinkedHashSet<>();
        String first = null;
        for (Document day : found) {
            String date = day.getString("day");
            stations.add(day.getString("stationId"));
            stationMonths.add(VisitMonth.key(day.getString("stationId"), date.substring(0, 7)));
            first = first == null || date.compareTo(first) < 0 ? date : first;
        }
        Query days = Query.query(where("stationId").in(stations).and("day").gte(first.substring(0, 7) + "-01")
                .lt(today.toString()));
        days.fields().exclude(VisitDayRepository.VISIT_IDS).exclude(VisitDayRepository.RECLASSIFIED_IDS);
        Map<String, List<VisitDay>> byStationMonth = new TreeMap<>();
        for (VisitDay day : mongo.find(days, VisitDay.class, VisitDay.COLLECTION)) {
            String key = VisitMonth.key(day.stationId(), day.day().substring(0, 7));
            if (stationMonths.contains(key)) {
                byStationMonth.computeIfAbsent(key, k -> new ArrayList<>()).add(day);
            }
        }
        List<WriteModel<Document>> clear = new ArrayList<>();
        byStationMonth.forEach((key, monthDays) -> fold(key, monthDays, clear));
        if (!clear.isEmpty()) {
            mongo.getCollection(VisitDay.COLLECTION).bulkWrite(clear, new BulkWriteOptions().ordered(false));
        }
        return found.size();
    }

    /** Days changed since their last fold, or never folded (counted before folds existed). */
    static Criteria unfolded() {
        return new Criteria().orOperator(where(VisitDayRepository.DIRTY).is(true),
                where(VisitDayRepository.REV).exists(false));
    }

    // Filters are flat documents ({_id, condition}), not Filters.and ({$and: [...]}): the embedded server serves
    // only the former by its _id index (docs/stations.md, Benchmarks), the latter scans the collection.

    /**
     * Writes one station-month recomputed from all its closed days; if the write won, adds the clearing of the
     * days it folded (each only while its {@code rev} is the one folded).
     */
    private void fold(String key, List<VisitDay> days, List<WriteModel<Document>> clear) {
        days.sort(Comparator.comparing(VisitDay::day));
        VisitDay latest = days.getLast();
        VisitMonth before = mongo.findById(key, VisitMonth.class, VisitMonth.COLLECTION);
        long folds = before == null ? 0 : before.folds();
        Document folded = sum(key, latest.stationId(), latest.day().substring(0, 7), days, folds + 1);
        if (!write(key, folded, before == null ? null : folds)) {
            return; // another fold wrote meanwhile: the days stay dirty unless it folded them, the next round sees
        }
        for (VisitDay day : days) {
            if (day.rev() == null) {
                clear.add(new UpdateOneModel<>(new Document("_id", day.id()).append(VisitDayRepository.REV,
                        new Document("$exists", false)), Updates.combine(
                                Updates.set(VisitDayRepository.REV, 0L), Updates.unset(VisitDayRepository.DIRTY))));
            } else if (day.dirty()) {
                clear.add(new UpdateOneModel<>(new Document("_id", day.id()).append(VisitDayRepository.REV,
                        day.rev()), Updates.unset(VisitDayRepository.DIRTY)));
            }
        }
    }

    private static Document sum(String key, String stationId, String month, List<VisitDay> days, long folds) {
        long count = 0;
        long flagged = 0;
        Map<String, Long> byWorkerType = new TreeMap<>();
        Map<String, Long> byService = new TreeMap<>();
        Map<String, Long> flaggedByReason = new TreeMap<>();
        Map<String, Long> dayCounts = new TreeMap<>();
        long nonMembers = 0;
        Map<String, Long> nonMembersByWorkerType = new TreeMap<>();
        for (VisitDay day : days) {
            nonMembers += day.nonMembers();
            day.nonMembersByWorkerType().forEach((type, n) -> nonMembersByWorkerType.merge(type, n, Long::sum));
            count += day.count();
            flagged += day.flagged();
            day.byWorkerType().forEach((type, n) -> byWorkerType.merge(type, n, Long::sum));
            day.byService().forEach((service, n) -> byService.merge(service, n, Long::sum));
            day.flaggedByReason().forEach((reason, n) -> flaggedByReason.merge(reason, n, Long::sum));
            dayCounts.put(day.day().substring(8), day.count());
        }
        VisitDay latest = days.getLast();
        return new Document("_id", key).append("stationId", stationId).append("month", month)
                .append("orgPath", latest.orgPath()).append("divisionCode", latest.divisionCode())
                .append("count", count).append("byWorkerType", new Document(Map.copyOf(byWorkerType)))
                .append("byService", new Document(Map.copyOf(byService))).append("flagged", flagged)
                .append("flaggedByReason", new Document(Map.copyOf(flaggedByReason)))
                .append("dayCounts", new Document(Map.copyOf(dayCounts))).append("folds", folds)
                .append("nonMembers", nonMembers)
                .append("nonMembersByWorkerType", new Document(Map.copyOf(nonMembersByWorkerType)));
    }

    /** Inserts the month, or replaces it if still at the version read; false if another fold got there first. */
    private boolean write(String key, Document folded, Long readFolds) {
        var months = mongo.getCollection(VisitMonth.COLLECTION);
        if (readFolds == null) {
            try {
                months.insertOne(folded);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return months.replaceOne(new Document("_id", key).append("folds", readFolds), folded)
                .getModifiedCount() == 1;
    }
}
