package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the member's timeline reads of this service's own {@code help-case.closed}. */
@EventType("help-case.closed")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelpCaseClosedNotice(String caseId, String kind, String memberId, String outcome,
        Long amountRecoveredFen, Instant closedAt) {
}
