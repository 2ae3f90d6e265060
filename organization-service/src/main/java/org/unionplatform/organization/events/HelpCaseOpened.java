package org.unionplatform.organization.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of membership-service's {@code help-case.opened} that the organisations' figures read. */
@EventType("help-case.opened")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelpCaseOpened(String caseId, String kind, String organizationId, String orgPath, Instant openedAt) {
}
