package org.unionplatform.station.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Tells the {@link VisitSweeps} when this instance left something for them: a visit recorded unverified, or a
 * visit inserted whose counting failed. Without such a signal a sweep waits for its slow backstop round, because
 * on the embedded MongoDB every sweep query scans (and on its H2 backend deserialises) the whole visits
 * collection while holding its lock, stalling every check-in meanwhile.
 */
@Component
class SweepSignals {

    private final AtomicReference<Instant> unverified = new AtomicReference<>();
    private final AtomicReference<Instant> uncounted = new AtomicReference<>();

    void unverifiedVisitRecorded(Instant at) {
        unverified.set(at);
    }

    void uncountedVisitLeft(Instant at) {
        uncounted.set(at);
    }

    /** When the last unverified visit was signalled and not yet swept, or null. */
    Instant unverifiedSince() {
        return unverified.get();
    }

    Instant uncountedSince() {
        return uncounted.get();
    }

    /**
     * Clears the signal a round started at {@code roundStart} has dealt with: only if it is still the same
     * signal and the round started at least {@code settle} after it (the sweep queries leave out visits younger
     * than that, so an earlier round may not have seen them).
     */
    void sweptUnverified(Instant signal, Instant roundStart, Duration settle) {
        clear(unverified, signal, roundStart, settle);
    }

    void sweptUncounted(Instant signal, Instant roundStart, Duration settle) {
        clear(uncounted, signal, roundStart, settle);
    }

    private static void clear(AtomicReference<Instant> holder, Instant signal, Instant roundStart, Duration settle) {
        if (signal != null && !roundStart.isBefore(signal.plus(settle))) {
            holder.compareAndSet(signal, null);
        }
    }
}
