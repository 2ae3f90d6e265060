package org.unionplatform.benefits.events;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of organization-service's {@code organization.moved}: the subtree's old and new path. */
@EventType("organization.moved")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationMoved(String oldPath, String newPath) {
}
