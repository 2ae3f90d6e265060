package org.unionplatform.station.counting;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one station on one Asia/Shanghai day, keyed {@code <stationId>|<yyyy-MM-dd>}. Each visit is
 * counted by one conditional single-document update that also adds the visit id to {@code visitIds}, so a
 * visit is counted exactly once whatever is retried or redelivered. Read without {@code visitIds}.
 */
@CompoundIndex(name = "stationId_divisionCode", def = "{'stationId': 1, 'divisionCode': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@CompoundIndex(name = "divisionCode", def = "{'divisionCode': 1}")
@Document(VisitDay.COLLECTION)
public record VisitDay(@Id String id, String stationId, String day, String orgPath, String divisionCode, long count,
        Map<String, Long> byWorkerType, Map<String, Long> byService, Map<String, Long> byHour) {

    public static final String COLLECTION = "visit_days";

    public VisitDay {
        byWorkerType = byWorkerType == null ? Map.of() : byWorkerType;
        byService = byService == null ? Map.of() : byService;
        byHour = byHour == null ? Map.of() : byHour;
    }

    public static String key(String stationId, String day) {
        return stationId + "|" + day;
    }
}
