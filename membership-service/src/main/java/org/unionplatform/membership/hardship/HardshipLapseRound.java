package org.unionplatform.membership.hardship;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background round that records registrations not reviewed by their review date as lapsed (and announces
 * {@code hardship.lapsed}). Safe with several instances: each lapse is a versioned save, the loser skips. Until the
 * round has passed, the eligibility question already answers "not in hardship" for a registration past its date.
 */
@Component
class HardshipLapseRound {

    private static final Logger log = LoggerFactory.getLogger(HardshipLapseRound.class);

    private final Hardships hardships;
    private final LapseProperties properties;
    private final Clock clock;

    HardshipLapseRound(Hardships hardships, LapseProperties properties, Clock clock) {
        this.hardships = hardships;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param batch how many lapses one round records at most (the next round takes the rest) */
    @ConfigurationProperties("membership.hardship.lapse")
    record LapseProperties(int batch) {
    }

    @Scheduled(fixedDelayString = "${membership.hardship.lapse.check-interval}",
            initialDelayString = "${membership.hardship.lapse.check-interval}")
    void lapseDue() {
        try {
            int lapsed = hardships.lapseDue(clock.instant(), properties.batch());
            if (lapsed > 0) {
                log.info("Recorded {} hardship registrations past their review date as lapsed", lapsed);
            }
        } catch (RuntimeException e) {
            log.warn("Hardship lapse round failed; it runs again later: {}", e.toString());
        }
    }
}
