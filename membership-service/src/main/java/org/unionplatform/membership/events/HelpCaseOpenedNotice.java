package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the member's timeline reads of this service's own {@code help-case.opened}. */
@EventType("help-case.opened")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelpCaseOpenedNotice(String caseId, String kind, String memberId, Instant openedAt) {
}
