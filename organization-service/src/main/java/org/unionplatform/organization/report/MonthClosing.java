package org.unionplatform.organization.report;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A month is closed: every organisation's {@link MonthSnapshot} of it is written. Inserted after the snapshots, so
 * a closing that stopped half-way is completed by the next attempt.
 *
 * @param month {@code yyyy-MM}
 */
@Document("month_closings")
record MonthClosing(@Id String month, Instant closedAt, String closedBy, long organizations) {
}
