package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the member's timeline reads of this service's own {@code activity.attended} (published as
 * {@link ActivityAttended}): the timeline is kept from events only, whoever produced them.
 */
@EventType("activity.attended")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttendedActivity(String activityId, String title, String stationId, String venueName, String memberId,
        Instant attendedAt) {
}
