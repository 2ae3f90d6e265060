package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A help case was closed: {@code outcome} RESOLVED, REFERRED_TO_ARBITRATION_OR_COURT or WITHDRAWN, the money
 * recovered in fen, and whether it was resolved with no step past its deadline.
 */
@EventType("help-case.closed")
public record HelpCaseClosed(String caseId, String kind, String organizationId, String orgPath, String memberId,
        String outcome, long amountRecoveredFen, boolean resolvedWithinDeadline, Instant openedAt, Instant closedAt)
        implements DomainEvent {
}
