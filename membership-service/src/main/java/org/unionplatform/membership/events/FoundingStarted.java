package org.unionplatform.membership.events;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What this service reads of organization-service's {@code founding.started}: a union being founded, into which
 * members may be enrolled in bulk and held until its approval ({@code organization.established}, same id).
 */
@EventType("founding.started")
@JsonIgnoreProperties(ignoreUnknown = true)
public record FoundingStarted(String foundingId, String name, String kind, String orgPath, String divisionCode) {
}
