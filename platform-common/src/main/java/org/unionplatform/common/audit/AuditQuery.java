package org.unionplatform.common.audit;

import java.time.Instant;

/** Filters of an audit search; any of them may be null. */
public record AuditQuery(String actor, String action, String target, AuditOutcome outcome, Instant from,
        Instant to) {
}
