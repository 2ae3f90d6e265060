package org.unionplatform.benefits.claim;

import java.time.Instant;
import java.util.List;

/**
 * @param approvedFen the payout decided (APPROVED and PAID)
 * @param reason      why rejected, or why less than claimed was approved
 */
record ClaimResponse(String id, String programId, String programName, String memberId, String organizationId,
        long claimedFen, String description, List<String> attachments, ClaimStatus status, String submittedBy,
        Instant submittedAt, String decidedBy, Instant decidedAt, Long approvedFen, String reason, String paidBy,
        Instant paidAt, String payoutReference) {

    static ClaimResponse of(Claim c) {
        return new ClaimResponse(c.id(), c.programId(), c.programName(), c.memberId(), c.organizationId(),
                c.claimedFen(), c.description(), c.attachments(), c.status(), c.submittedBy(), c.submittedAt(),
                c.decidedBy(), c.decidedAt(), c.approvedFen(), c.reason(), c.paidBy(), c.paidAt(),
                c.payoutReference());
    }
}
