package org.unionplatform.organization.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of membership-service's {@code help-case.closed} that the organisations' figures read. */
@EventType("help-case.closed")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelpCaseClosed(String caseId, String kind, String organizationId, String orgPath, String outcome,
        long amountRecoveredFen, boolean resolvedWithinDeadline, Instant closedAt) {
}
