package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * Someone who signed up was let in at an activity's door; {@code memberId} is null for a non-member (nothing
 * personal of theirs travels, only the worker type).
 */
@EventType("activity.attended")
public record ActivityAttended(String activityId, String title, String kind, String organizationId, String orgPath,
        String stationId, String venueName, String memberId, String workerType, Instant attendedAt)
        implements DomainEvent {
}
