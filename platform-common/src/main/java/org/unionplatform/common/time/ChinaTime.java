package org.unionplatform.common.time;

import java.time.ZoneId;

/**
 * The platform's one calendar: instants are stored in UTC, and every calendar question (which day a visit counts
 * on, which month a member joined in, a per-year limit, opening hours) is answered in China Standard Time.
 */
public final class ChinaTime {

    /** Asia/Shanghai (UTC+8 all year, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
