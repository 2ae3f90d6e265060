package org.unionplatform.membership.events;

import java.time.Instant;

import org.unionplatform.common.events.EventType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of benefits-service's {@code benefit.revoked}. */
@EventType("benefit.revoked")
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenefitRevoked(String grantId, String memberId, Instant revokedAt) {
}
