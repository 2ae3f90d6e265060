package org.unionplatform.benefits.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/** A benefit was given to a member; {@code orgPath} is the member's organisation path. */
@EventType("benefit.granted")
public record BenefitGranted(String grantId, String programId, String programName, String kind, String memberId,
        String organizationId, String orgPath, long amountFen, long items, Instant grantedAt) implements DomainEvent {
}
