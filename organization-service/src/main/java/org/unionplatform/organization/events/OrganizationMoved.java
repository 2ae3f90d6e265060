package org.unionplatform.organization.events;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A subtree moved: every stored scope path starting with {@code oldPath} now starts with {@code newPath}. */
@EventType("organization.moved")
public record OrganizationMoved(String organizationId, String oldPath, String newPath) implements DomainEvent {
}
