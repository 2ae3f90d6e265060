package org.unionplatform.station.counting;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The closed days of one station in one Asia/Shanghai month folded into one document, keyed
 * {@code <stationId>|<yyyy-MM>}: the sums of its {@link VisitDay} counters (without the hours, which only the
 * last 30 days' figures use) and each day's count for the per-day series. Written whole by {@link MonthFolds}
 * from the day documents, so a fold repeated or raced is harmless; {@code folds} is its optimistic version.
 */
@Document(VisitMonth.COLLECTION)
@CompoundIndexes({
    @CompoundIndex(name = "station_month", def = "{'stationId': 1, 'month': 1}"),
    @CompoundIndex(name = "org_path_month", def = "{'orgPath': 1, 'month': 1}"),
    // An administrator's figures: by division, or everything, over months.
    @CompoundIndex(name = "division_month", def = "{'divisionCode': 1, 'month': 1}"),
    @CompoundIndex(name = "month", def = "{'month': 1}")
})
public record VisitMonth(@Id String id, String stationId, String month, String orgPath, String divisionCode,
        long count, Map<String, Long> byWorkerType, Map<String, Long> byService, long flagged,
        Map<String, Long> flaggedByReason, Map<String, Long> dayCounts, long folds, Long nonMembers,
        Map<String, Long> nonMembersByWorkerType) {

    public static final String COLLECTION = "visit_months";

    public VisitMonth {
        byWorkerType = byWorkerType == null ? Map.of() : byWorkerType;
        byService = byService == null ? Map.of() : byService;
        flaggedByReason = flaggedByReason == null ? Map.of() : flaggedByReason;
        dayCounts = dayCounts == null ? Map.of() : dayCounts;
        // Months folded before non-members were counted apart have neither.
        nonMembers = nonMembers == null ? 0L : nonMembers;
        nonMembersByWorkerType = nonMembersByWorkerType == null ? Map.of() : nonMembersByWorkerType;
    }

    public static String key(String stationId, String month) {
        return stationId + "|" + month;
    }
}
