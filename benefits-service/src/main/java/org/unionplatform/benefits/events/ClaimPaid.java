package org.unionplatform.benefits.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * An approved insurance claim was paid out.
 *
 * @param amountFen what was paid (the approved amount)
 * @param reference the transfer's reference, as the officer recorded it
 */
@EventType("claim.paid")
public record ClaimPaid(String claimId, String programId, String memberId, long amountFen, String reference,
        Instant paidAt) implements DomainEvent {
}
