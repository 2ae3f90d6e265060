package org.unionplatform.benefits.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A grant was taken back; its money and items return to the program. */
@EventType("benefit.revoked")
public record BenefitRevoked(String grantId, String programId, String memberId, long amountFen, long items,
        Instant revokedAt) implements DomainEvent {
}
