package org.unionplatform.station.visit;

import java.time.Clock;
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
import org.unionplatform.station.counting.VisitCounters;
import org.unionplatform.station.membership.MemberCards;

/**
 * Two background rounds, safe on every instance at once (each step is apply-once or optimistically locked):
 * <ul>
 * <li>counting: visits inserted but not counted (the request died in between) are counted;</li>
 * <li>verification: visits recorded while membership-service was unreachable are verified, publishing
 * {@code checkin.verified}; a round stops at the first "still unreachable".</li>
 * </ul>
 */
@Component
class VisitSweeps {

    private static final Logger log = LoggerFactory.getLogger(VisitSweeps.class);

    private final MongoOperations mongo;
    private final VisitRecorder recorder;
    private final VisitCounters counters;
    private final MemberCards memberCards;
    private final StationProperties.Visits rules;
    private final TaskScheduler scheduler;
    private final Clock clock;

    VisitSweeps(MongoOperations mongo, VisitRecorder recorder, VisitCounters counters, MemberCards memberCards,
            StationProperties properties, TaskScheduler scheduler, Clock clock) {
        this.mongo = mongo;
        this.recorder = recorder;
        this.counters = counters;
        this.memberCards = memberCards;
        this.rules = properties.visits();
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(() -> quietly("counting", this::countInterrupted), rules.countingSweep());
        scheduler.scheduleWithFixedDelay(() -> quietly("verification", this::verifyPending),
                rules.verificationSweep());
    }

    /** @return visits counted now */
    int countInterrupted() {
        Query uncounted = Query.query(Criteria.where("counted").is(false)
                .and("recordedAt").lt(clock.instant().minus(rules.countingGrace()))).limit(500);
        List<Visit> visits = mongo.find(uncounted, Visit.class);
        visits.forEach(recorder::finishCounting);
        return visits.size();
    }

    /** @return visits verified or found unmatched now */
    int verifyPending() {
        Query pending = Query.query(Criteria.where("verification").is(Verification.PENDING).and("counted").is(true))
                .limit(rules.verificationBatch());
        int settled = 0;
        for (Visit visit : mongo.find(pending, Visit.class)) {
            MemberCards.Verification answer = visit.cardNumber() != null
                    ? memberCards.byCardNumber(visit.cardNumber()) : memberCards.byQrToken(visit.pendingQrToken());
            switch (answer) {
                case MemberCards.Unavailable unavailable -> {
                    return settled;
                }
                case MemberCards.Member member -> {
                    String workerType = member.workerType() == null ? visit.workerType() : member.workerType();
                    // Before the visit is saved as verified: a crash in between repeats this, which is apply-once.
                    counters.reclassify(visit.id(), visit.stationId(), visit.day(), visit.workerType(), workerType);
                    visit.verified(member.memberId(), member.cardNumber(), workerType);
                }
                case MemberCards.NoSuchMember none -> visit.unmatched();
            }
            try {
                mongo.save(visit);
                settled++;
            } catch (OptimisticLockingFailureException anotherInstanceWasFaster) {
                log.debug("Visit {} was settled concurrently", visit.id());
            }
        }
        return settled;
    }

    private void quietly(String round, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Visit {} round failed: {}", round, e.toString());
        }
    }
}
