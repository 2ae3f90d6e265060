package org.unionplatform.organization.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of {@code hardship.registered} that the organisations' hardship figures read. */
@EventType("hardship.registered")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HardshipRegistered(String memberId, String organizationId, String orgPath, Instant registeredAt) {
}
