package org.unionplatform.membership.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.data.domain.Limit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background rounds: waiting applications are offered to organization-service again (nothing is lost
 * while it is away, and nobody has to press a button), and applications a union left unhandled too long enter
 * the re-assignment queue of the federation above it.
 */
@Component
class ApplicationRounds {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRounds.class);

    private final Applications applications;
    private final ApplicationRepository repository;
    private final DispatchProperties dispatch;
    private final OverdueProperties overdue;
    private final Clock clock;

    ApplicationRounds(Applications applications, ApplicationRepository repository, DispatchProperties dispatch,
            OverdueProperties overdue, Clock clock) {
        this.applications = applications;
        this.repository = repository;
        this.dispatch = dispatch;
        this.overdue = overdue;
        this.clock = clock;
    }

    /** @param after how long an application may wait in a union's queue before it goes to re-assignment */
    @ConfigurationProperties("membership.applications.overdue")
    record OverdueProperties(Duration after, int batch) {
    }

    @Scheduled(fixedDelayString = "${membership.dispatch.redispatch-interval}",
            initialDelayString = "${membership.dispatch.redispatch-interval}")
    void redispatch() {
        try {
            int dispatched = applications.redispatchDue(dispatch.redispatchBatch());
            if (dispatched > 0) {
                log.info("Dispatched {} waiting applications", dispatched);
            }
        } catch (RuntimeException e) {
            log.warn("Redispatch round failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${membership.applications.overdue.check-interval}")
    void flagOverdue() {
        try {
            var now = clock.instant();
            for (Application application : repository.findByStatusAndDispatchedAtLessThanAndEscalatedAtIsNull(
                    ApplicationStatus.PENDING_APPROVAL, now.minus(overdue.after()), Limit.of(overdue.batch()))) {
                try {
                    applications.escalate(application);
                } catch (OptimisticLockingFailureException decidedMeanwhile) {
                    // approved or rejected while we looked: nothing to escalate
                }
            }
        } catch (RuntimeException e) {
            log.warn("Overdue round failed: {}", e.toString());
        }
    }
}
