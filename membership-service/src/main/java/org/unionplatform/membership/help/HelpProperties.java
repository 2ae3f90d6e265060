package org.unionplatform.membership.help;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code membership.help}: help cases.
 *
 * @param deadlines       how long each open step may last before the case is escalated (FILED, ACCEPTED,
 *                        INVESTIGATING, MEDIATION)
 * @param overdueBatch    how many overdue cases one sweep escalates
 * @param maxAttachmentSize the largest photo or document accepted
 * @param maxAttachments  files per case
 * @param sessionTtl      how long a phone-verified worker's help session lasts
 */
@ConfigurationProperties("membership.help")
record HelpProperties(Map<CaseStatus, Duration> deadlines, int overdueBatch, DataSize maxAttachmentSize,
        int maxAttachments, Duration sessionTtl) {

    HelpProperties {
        deadlines = deadlines == null ? Map.of() : new EnumMap<>(deadlines);
        for (CaseStatus open : new CaseStatus[] {CaseStatus.FILED, CaseStatus.ACCEPTED, CaseStatus.INVESTIGATING,
                CaseStatus.MEDIATION}) {
            if (!deadlines.containsKey(open)) {
                throw new IllegalArgumentException("membership.help.deadlines needs a duration for " + open);
            }
        }
    }

    Duration deadline(CaseStatus step) {
        return deadlines.get(step);
    }
}
