package org.unionplatform.organization.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of {@code hardship.lapsed} that the organisations' hardship figures read. */
@EventType("hardship.lapsed")
@JsonIgnoreProperties(ignoreUnknown = true)
public record HardshipLapsed(String memberId, String organizationId, String orgPath, Instant lapsedAt) {
}
