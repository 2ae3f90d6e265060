package org.unionplatform.membership.events;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of organization-service's {@code organization.moved}. */
@EventType("organization.moved")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationMoved(String organizationId, String oldPath, String newPath) {
}
