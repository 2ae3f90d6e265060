package org.unionplatform.organization.events;

import java.util.List;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A union organisation exists now (created in the tree or founded by the workflow); {@code kind} is its enum name. */
@EventType("organization.established")
public record OrganizationEstablished(String organizationId, String name, String kind, String parentId,
        String orgPath, String divisionCode, List<String> workerTypes) implements DomainEvent {
}
