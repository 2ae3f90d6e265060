package org.unionplatform.membership.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days are counted in China's time zone (CONTRACTS.md: store instants, compute days in Asia/Shanghai). */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
