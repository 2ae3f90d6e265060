package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of benefits-service's {@code benefit.granted}; {@code items} is shown as text. */
@EventType("benefit.granted")
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenefitGranted(String grantId, String programId, String programName, String kind, String memberId,
        Long amountFen, Object items, Instant grantedAt) {
}
