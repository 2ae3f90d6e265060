package org.unionplatform.benefits.program;

import java.time.LocalDate;

/**
 * How often one member may receive from a program: {@code count} times per {@code per}. Programs that
 * name the same {@code sharedKey} count together, across organisations: "one cooling pack per member per
 * season" is every summer-cooling program of that season sharing the key {@code summer-cooling-2025}.
 */
public record MemberLimit(int count, LimitPeriod per, String sharedKey) {

    public static final MemberLimit ONCE = new MemberLimit(1, LimitPeriod.WHOLE, null);

    public MemberLimit {
        per = per == null ? LimitPeriod.WHOLE : per;
        sharedKey = sharedKey == null || sharedKey.isBlank() ? null : sharedKey;
    }

    /** The counter a grant on {@code day} occupies one slot of; slots are numbered 1..count. */
    public String counter(String programId, String memberId, LocalDate day) {
        String key = sharedKey != null ? "shared:" + sharedKey : "program:" + programId;
        return key + "|" + per.label(day) + "|" + memberId;
    }
}
