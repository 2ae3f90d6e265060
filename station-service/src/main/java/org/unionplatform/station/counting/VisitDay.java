package org.unionplatform.station.counting;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one station on one Asia/Shanghai day, keyed {@code <stationId>|<yyyy-MM-dd>}. Each visit is
 * counted by one conditional single-document update that also adds the visit id to {@code visitIds}, so a
 * visit is counted exactly once whatever is retried or redelivered. Read without {@code visitIds}.
 * <p>
 * Anonymous visitors (no card or QR code: non-members, counted by worker type only) are in {@code count} and
 * its breakdowns like every visit, and also in {@code nonMembers} and {@code nonMembersByWorkerType}.
 * <p>
 * A flagged visit (late, or at a suspended station) is counted in {@code flagged} and {@code flaggedByReason}
 * only, never in {@code count} and its breakdowns. Every update also raises {@code rev} and sets {@code dirty}:
 * the day is to be folded (again) into its {@link VisitMonth}.
 */
@CompoundIndex(name = "station_day", def = "{'stationId': 1, 'day': 1}")
@CompoundIndex(name = "stationId_divisionCode", def = "{'stationId': 1, 'divisionCode': 1}")
@CompoundIndex(name = "org_path_day", def = "{'orgPath': 1, 'day': 1}")
@CompoundIndex(name = "divisionCode", def = "{'divisionCode': 1}")
@CompoundIndex(name = "dirty_day", def = "{'dirty': 1, 'day': 1}", sparse = true)
// The fold also takes days written before folds existed (no rev): by day alone.
@CompoundIndex(name = "day", def = "{'day': 1}")
@Document(VisitDay.COLLECTION)
public record VisitDay(@Id String id, String stationId, String day, String orgPath, String divisionCode, Long count,
        Map<String, Long> byWorkerType, Map<String, Long> byService, Map<String, Long> byHour, Long flagged,
        Map<String, Long> flaggedByReason, Long rev, Boolean dirty, Long nonMembers,
        Map<String, Long> nonMembersByWorkerType) {

    public static final String COLLECTION = "visit_days";

    public VisitDay {
        byWorkerType = byWorkerType == null ? Map.of() : byWorkerType;
        byService = byService == null ? Map.of() : byService;
        byHour = byHour == null ? Map.of() : byHour;
        flaggedByReason = flaggedByReason == null ? Map.of() : flaggedByReason;
        count = count == null ? 0L : count; // a day with flagged visits only has no count
        flagged = flagged == null ? 0L : flagged;
        nonMembers = nonMembers == null ? 0L : nonMembers;
        nonMembersByWorkerType = nonMembersByWorkerType == null ? Map.of() : nonMembersByWorkerType;
        dirty = dirty != null && dirty;
    }

    public static String key(String stationId, String day) {
        return stationId + "|" + day;
    }
}
