package org.unionplatform.station.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.unionplatform.station.counting.VisitDayRepository;
import org.unionplatform.station.station.Station;

/** Writes historic (demo) visits in bulk and counts them through the same apply-once counters. */
@Component
public class DemoVisits {

    private final MongoOperations mongo;
    private final VisitDayRepository counters;
    private final Clock clock;

    DemoVisits(MongoOperations mongo, VisitDayRepository counters, Clock clock) {
        this.mongo = mongo;
        this.counters = counters;
        this.clock = clock;
    }

    public record HistoricVisit(String visitId, Instant visitedAt, String workerType, List<String> services) {
    }

    public void insertHistory(Station station, List<HistoricVisit> history) {
        Instant now = clock.instant();
        List<Visit> batch = new ArrayList<>(history.size());
        for (HistoricVisit item : history) {
            Visit visit = Visit.record(item.visitId(), station, item.visitedAt(), now, "demo-data",
                    new Visit.Visitor(null, null, null, item.workerType(), Verification.ANONYMOUS), item.services(),
                    null, false);
            visit.markCounted();
            batch.add(visit);
        }
        for (int from = 0; from < batch.size(); from += 1000) {
            mongo.insert(batch.subList(from, Math.min(batch.size(), from + 1000)), Visit.class);
        }
        batch.forEach(visit -> counters.count(visit.tally()));
    }
}
