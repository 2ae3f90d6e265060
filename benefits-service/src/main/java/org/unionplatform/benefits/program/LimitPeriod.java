package org.unionplatform.benefits.program;

import java.time.LocalDate;

/** The window a per-member limit counts in, in Asia/Shanghai calendar terms. */
public enum LimitPeriod {
    /** The whole life of the program (or of the shared limit key, e.g. one season's campaign). */
    WHOLE,
    YEAR,
    QUARTER,
    MONTH;

    String label(LocalDate day) {
        return switch (this) {
            case WHOLE -> "all";
            case YEAR -> String.valueOf(day.getYear());
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
        };
    }
}
