package org.unionplatform.organization.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation's month as it stood when the month was closed: the month's counters of its subtree, what it
 * stood at then (members and companies by status), and its children then. A closed month is reported from here, so
 * it reads the same next year; what arrives later for that month stays in the live tallies and is shown apart as a
 * late adjustment. Written once (insert by id), never changed.
 *
 * @param id {@code <organisationId>|<yyyy-MM>}
 */
@Document(MonthSnapshot.COLLECTION)
record MonthSnapshot(@Id String id, String organizationId, String month, Map<String, Long> counters,
        Map<String, Long> standing, List<Child> children, Instant closedAt) {

    static final String COLLECTION = "month_snapshots";

    record Child(String organizationId, String name) {
    }

    MonthSnapshot {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        standing = standing == null ? Map.of() : Map.copyOf(standing);
        children = children == null ? List.of() : List.copyOf(children);
    }

    static String id(String organizationId, YearMonth month) {
        return organizationId + "|" + month;
    }
}
