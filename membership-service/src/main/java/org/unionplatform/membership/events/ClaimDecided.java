package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of benefits-service's {@code claim.decided}. */
@EventType("claim.decided")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaimDecided(String claimId, String programId, String programName, String memberId, String decision,
        Long amountFen, String reason, Instant decidedAt) {
}
