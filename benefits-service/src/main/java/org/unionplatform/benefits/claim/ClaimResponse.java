package org.unionplatform.benefits.claim;

import java.time.Instant;
import java.util.List;

record ClaimResponse(String id, String programId, String programName, String memberId, String organizationId,
        long claimedFen, String description, List<String> attachments, ClaimStatus status, String submittedBy,
        Instant submittedAt, String decidedBy, Instant decidedAt, Long paidFen, String reason) {

    static ClaimResponse of(Claim c) {
        return new ClaimResponse(c.id(), c.programId(), c.programName(), c.memberId(), c.organizationId(),
                c.claimedFen(), c.description(), c.attachments(), c.status(), c.submittedBy(), c.submittedAt(),
                c.decidedBy(), c.decidedAt(), c.paidFen(), c.reason());
    }
}
