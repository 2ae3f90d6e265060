package org.unionplatform.membership.events;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of organization-service's {@code organization.established}. */
@EventType("organization.established")
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationEstablished(String organizationId, String name, String kind, String orgPath,
        String divisionCode) {
}
