package org.unionplatform.launcher;

import java.time.Duration;

/**
 * When to start again an instance that died on its own (a crash, {@code kill -9}): after 1 s, then twice as long
 * after each death that follows a short life (2, 4, 8, 16 s); an instance that had run a minute starts again after
 * 1 s. After five deaths in a row, each within a minute of its start, it is left down: something is wrong that a
 * restart will not fix (a broken jar, a port taken), and its log says what.
 */
final class Restarts {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);
    static final int MAX_QUICK_DEATHS = 5;

    private int quickDeaths;

    /** Records a death after {@code lived}; the delay before the next start, or null to give up. */
    synchronized Duration afterDeath(Duration lived) {
        quickDeaths = lived.compareTo(STABLE_AFTER) >= 0 ? 1 : quickDeaths + 1;
        if (quickDeaths > MAX_QUICK_DEATHS) {
            return null;
        }
        return FIRST_DELAY.multipliedBy(1L << (quickDeaths - 1));
    }
}
