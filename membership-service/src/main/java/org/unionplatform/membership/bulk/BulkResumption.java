package org.unionplatform.membership.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An enrolment whose instance stopped (a restart, a crash) starts again from its spooled file: the batches
 * repeat exactly (members it inserted count as enrolled, their events are written again under the same ids),
 * so counters, report and events end as if it had never stopped. It counts as stopped when this instance does
 * not hold it and nobody advanced it for {@link #STOPPED_AFTER}: each instance marks the enrolments it holds
 * (queued ones too) as advanced every minute, so instances sharing a spool folder never run one file twice; and
 * the instance that resumes a stopped one takes it with a compare-and-set on that mark
 * ({@link BulkEnrolmentRepository#claimStopped}), since two instances resuming it at the same moment would both
 * run it.
 * Without the file (another host's, or a cleaned temporary folder) it is marked failed once nobody has advanced
 * it for {@link #ABANDONED_AFTER}, and the events of the members it enrolled are written again (the last
 * batch's may not have been); uploading the same file again then finishes it.
 */
@Component
class BulkResumption {

    /** An unfinished enrolment with its file here, not held here and not advanced for this long, has stopped. */
    static final Duration STOPPED_AFTER = Duration.ofMinutes(3);
    /** An unfinished enrolment without its file here and not advanced for this long lost its instance. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final String UPLOAD_AGAIN = "Upload the same file again to finish it: people already enrolled "
            + "are reported, never enrolled twice.";
    private static final Logger log = LoggerFactory.getLogger(BulkResumption.class);

    private final BulkEnrolmentRepository enrolments;
    private final BulkWorker worker;
    private final BulkSpool spool;
    private final BulkMembers members;
    private final BulkProperties properties;
    private final Clock clock;

    BulkResumption(BulkEnrolmentRepository enrolments, BulkWorker worker, BulkSpool spool, BulkMembers members,
            BulkProperties properties, Clock clock) {
        this.enrolments = enrolments;
        this.worker = worker;
        this.spool = spool;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs 15 s after start and then every minute. */
    @Scheduled(initialDelay = 15, fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
    void resumeInterrupted() {
        for (String held : worker.held()) {
            try {
                enrolments.markHeld(held, clock.instant());
            } catch (DataAccessException e) {
                log.warn("Could not mark bulk enrolment {} as held: {}", held, e.getClass().getName());
            }
        }
        Instant stopped = clock.instant().minus(STOPPED_AFTER);
        Instant abandoned = clock.instant().minus(ABANDONED_AFTER);
        for (BulkEnrolment interrupted : enrolments.findUnfinished()) {
            if (worker.holds(interrupted.id()) || interrupted.lastAdvanced().isAfter(stopped)) {
                continue;
            }
            try {
                if (spool.holds(interrupted.id())) {
                    restart(interrupted);
                } else if (interrupted.lastAdvanced().isBefore(abandoned)
                        && enrolments.claimStopped(interrupted, clock.instant())) {
                    members.announceAgain(interrupted.id(), properties.batchSize());
                    interrupted.fail("Interrupted by a restart after " + interrupted.done() + " of "
                            + interrupted.total() + " rows. " + UPLOAD_AGAIN, clock.instant());
                    enrolments.save(interrupted);
                }
            } catch (RuntimeException e) {
                log.warn("Could not resume bulk enrolment {}: {}", interrupted.id(), e.toString());
            }
        }
    }

    private void restart(BulkEnrolment interrupted) {
        if (!worker.hold(interrupted.id())) {
            return; // taken meanwhile by this instance
        }
        try {
            if (!enrolments.claimStopped(interrupted, clock.instant())) {
                worker.release(interrupted.id());
                return; // another instance resumed it first
            }
        } catch (RuntimeException e) {
            worker.release(interrupted.id());
            throw e;
        }
        log.info("Resuming bulk enrolment {} from its first row (stopped after {} of {})", interrupted.id(),
                interrupted.done(), interrupted.total());
        enrolments.removeReport(interrupted.id());
        interrupted.restart(clock.instant());
        enrolments.save(interrupted);
        if (!worker.queue(interrupted, spool.file(interrupted.id()))) {
            try {
                interrupted.fail("Interrupted by a restart. " + UPLOAD_AGAIN, clock.instant());
                enrolments.save(interrupted);
            } catch (DataAccessException e) {
                log.warn("Could not mark bulk enrolment {} failed: {}", interrupted.id(), e.getClass().getName());
            }
        }
    }
}
