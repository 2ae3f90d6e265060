package org.unionplatform.benefits.events;

import java.time.Instant;

import org.unionplatform.common.events.DomainEvent;
import org.unionplatform.common.events.EventType;

/**
 * An insurance claim was decided.
 *
 * @param decision  APPROVED or REJECTED
 * @param amountFen what is approved for payout (0 when rejected)
 * @param reason    why it was rejected, or why less than claimed was approved (null for a full approval)
 */
@EventType("claim.decided")
public record ClaimDecided(String claimId, String programId, String programName, String memberId, String decision,
        long amountFen, String reason, Instant decidedAt) implements DomainEvent {
}
