package org.unionplatform.organization.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionplatform.organization.tally.Counters;

/**
 * A period's member and union figures of a subtree, as an assessor reads them: gross new members by worker type
 * (approvals) and their total, leavers (withdrawals), transfers in and out of the subtree, the net change they make
 * together, and unions founded. Never a net figure labelled "new".
 */
record Figures(Map<String, Long> newMembers, long total, long leavers, long transfersIn, long transfersOut,
        long net, long unionsFounded) {

    Figures {
        newMembers = Collections.unmodifiableMap(new LinkedHashMap<>(newMembers)); // in report column order
    }

    /** The figures a period bucket's counters hold, with a value for every report column. */
    static Figures of(Map<String, Long> counters, List<String> columns) {
        Map<String, Long> newMembers = zeros(columns);
        long leavers = 0;
        long in = 0;
        long out = 0;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            String name = counter.getKey();
            long value = counter.getValue();
            if (name.startsWith(Counters.NEW_MEMBERS)) {
                newMembers.merge(name.substring(Counters.NEW_MEMBERS.length()), value, Long::sum);
            } else if (name.startsWith(Counters.LEAVERS)) {
                leavers += value;
            } else if (name.startsWith(Counters.TRANSFERS_IN)) {
                in += value;
            } else if (name.startsWith(Counters.TRANSFERS_OUT)) {
                out += value;
            }
        }
        return of(newMembers, leavers, in, out, counters.getOrDefault(Counters.UNIONS_FOUNDED, 0L));
    }

    static Figures zero(List<String> columns) {
        return of(zeros(columns), 0, 0, 0, 0);
    }

    Figures plus(Figures other) {
        return combine(other, 1);
    }

    /** What changed from {@code earlier} to this (a closed month's late adjustments: live minus snapshot). */
    Figures minus(Figures earlier) {
        return combine(earlier, -1);
    }

    boolean isZero() {
        return newMembers.values().stream().allMatch(v -> v == 0) && leavers == 0 && transfersIn == 0
                && transfersOut == 0 && unionsFounded == 0;
    }

    private Figures combine(Figures other, long sign) {
        Map<String, Long> members = new LinkedHashMap<>(newMembers);
        other.newMembers.forEach((type, value) -> members.merge(type, sign * value, Long::sum));
        return of(members, leavers + sign * other.leavers, transfersIn + sign * other.transfersIn,
                transfersOut + sign * other.transfersOut, unionsFounded + sign * other.unionsFounded);
    }

    private static Figures of(Map<String, Long> newMembers, long leavers, long in, long out, long unions) {
        long total = newMembers.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(newMembers, total, leavers, in, out, total + in - out - leavers, unions);
    }

    private static Map<String, Long> zeros(List<String> columns) {
        Map<String, Long> values = new LinkedHashMap<>();
        columns.forEach(c -> values.put(c, 0L));
        return values;
    }
}
