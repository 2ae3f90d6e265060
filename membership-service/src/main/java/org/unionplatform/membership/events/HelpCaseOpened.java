package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * A worker filed a help case and it landed with a union. {@code memberId} is null for a worker who is not a
 * member; no contact detail and nothing of what happened travels.
 */
@EventType("help-case.opened")
public record HelpCaseOpened(String caseId, String kind, String organizationId, String orgPath, String memberId,
        String platform, Instant openedAt) implements DomainEvent {
}
