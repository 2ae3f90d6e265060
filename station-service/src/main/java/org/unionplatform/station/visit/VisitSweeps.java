package org.unionplatform.station.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.unionplatform.station.StationProperties;
import org.unionplatform.station.client.MemberCards;
import org.unionplatform.station.counting.VisitDayRepository;

/**
 * Two background rounds, safe on every instance at once (each step is apply-once or optimistically locked),
 * scanning eagerly only when this instance signalled work ({@link SweepSignals}), else on a slow backstop:
 * <ul>
 * <li>counting: visits inserted but not counted (the request died in between) are counted;</li>
 * <li>verification: visits recorded while membership-service was unreachable are verified, publishing
 * {@code checkin.verified}; a round stops at the first "still unreachable".</li>
 * </ul>
 */
@Component
class VisitSweeps {

    private static final Logger log = LoggerFactory.getLogger(VisitSweeps.class);

    /** Pending visits are queried only once counted, and the counted flags are written in bulk shortly after. */
    private static final Duration MARKS_SETTLE = Duration.ofSeconds(2);
    private static final int COUNTING_BATCH = 500;

    private final MongoOperations mongo;
    private final Visits visits;
    private final VisitDayRepository counters;
    private final MemberCards memberCards;
    private final SweepSignals signals;
    private final StationProperties.Visits rules;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private volatile Instant nextCountingBackstop = Instant.MIN;
    private volatile Instant nextVerificationBackstop = Instant.MIN;

    VisitSweeps(MongoOperations mongo, Visits visits, VisitDayRepository counters, MemberCards memberCards,
            SweepSignals signals, StationProperties properties, TaskScheduler scheduler, Clock clock) {
        this.mongo = mongo;
        this.visits = visits;
        this.counters = counters;
        this.memberCards = memberCards;
        this.signals = signals;
        this.rules = properties.visits();
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(() -> quietly("counting", this::countingRound), rules.countingSweep());
        scheduler.scheduleWithFixedDelay(() -> quietly("verification", this::verificationRound),
                rules.verificationSweep());
    }

    /**
     * Scans when this instance left an uncounted visit, else only on the backstop interval (another instance
     * may have died between an insert and its count): every scan reads the whole visits collection.
     */
    void countingRound() {
        Instant now = clock.instant();
        Instant signal = signals.uncountedSince();
        if (signal == null && now.isBefore(nextCountingBackstop)) {
            return;
        }
        nextCountingBackstop = now.plus(rules.backstopSweep());
        if (countInterrupted() == COUNTING_BATCH) {
            signals.uncountedVisitLeft(now.minus(rules.countingGrace())); // more left: the next round goes on
        }
        signals.sweptUncounted(signal, now, rules.countingGrace());
    }

    /** Scans when this instance recorded an unverified visit (until all are settled), else on the backstop. */
    void verificationRound() {
        Instant now = clock.instant();
        Instant signal = signals.unverifiedSince();
        if (signal == null && now.isBefore(nextVerificationBackstop)) {
            return;
        }
        nextVerificationBackstop = now.plus(rules.backstopSweep());
        if (verifyPending()) {
            signals.sweptUnverified(signal, now, MARKS_SETTLE);
        } else {
            signals.unverifiedVisitRecorded(now); // membership still away, or more pending than one batch
        }
    }

    /** @return visits counted now */
    int countInterrupted() {
        Query query = Query.query(Criteria.where("counted").is(false)
                .and("recordedAt").lt(clock.instant().minus(rules.countingGrace()))).limit(COUNTING_BATCH);
        List<Visit> uncounted = mongo.find(query, Visit.class);
        uncounted.forEach(visits::finishCounting);
        return uncounted.size();
    }

    /** @return true if every pending visit found was settled (none left for now), false if some remain */
    boolean verifyPending() {
        Query pending = Query.query(Criteria.where("verification").is(Verification.PENDING).and("counted").is(true))
                .limit(rules.verificationBatch());
        List<Visit> found = mongo.find(pending, Visit.class);
        for (Visit visit : found) {
            // Neither card nor token hash: recorded before tokens were hashed; its clear token is not read, so it
            // cannot be verified (asking would fail as a bad request and stall every round behind it).
            MemberCards.Verification answer = visit.cardNumber() != null ? memberCards.byCardNumber(visit.cardNumber())
                    : visit.qrTokenHash() != null ? memberCards.byQrTokenHash(visit.qrTokenHash())
                    : new MemberCards.NoSuchMember();
            switch (answer) {
                case MemberCards.Unavailable unavailable -> {
                    return false;
                }
                case MemberCards.Member member -> {
                    String workerType = member.workerType() == null ? visit.workerType() : member.workerType();
                    // Before the visit is saved as verified: a crash in between repeats this, which is apply-once.
                    // A flagged visit is not in the worker-type counts.
                    if (visit.flag() == null) {
                        counters.reclassify(visit.id(), visit.stationId(), visit.day(), visit.workerType(),
                                workerType);
                    }
                    visit.verified(member.memberId(), member.cardNumber(), workerType);
                }
                case MemberCards.NoSuchMember none -> visit.unmatched();
            }
            try {
                mongo.save(visit);
            } catch (OptimisticLockingFailureException anotherInstanceWasFaster) {
                log.debug("Visit {} was settled concurrently", visit.id());
            }
        }
        return found.size() < rules.verificationBatch();
    }

    private void quietly(String round, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Visit {} round failed: {}", round, e.toString());
        }
    }
}
