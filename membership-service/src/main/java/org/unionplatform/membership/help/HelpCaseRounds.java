package org.unionplatform.membership.help;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The deadline sweep: cases whose step ran past its deadline go to the federation above (see {@link HelpCases}). */
@Component
class HelpCaseRounds {

    private static final Logger log = LoggerFactory.getLogger(HelpCaseRounds.class);

    private final HelpCases cases;

    HelpCaseRounds(HelpCases cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${membership.help.overdue-check-interval}")
    void escalateOverdue() {
        try {
            int escalated = cases.escalateOverdue();
            if (escalated > 0) {
                log.info("Escalated {} overdue help cases", escalated);
            }
        } catch (RuntimeException e) {
            log.warn("Help case deadline round failed: {}", e.toString());
        }
    }
}
