package org.unionplatform.benefits.claim;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.ClaimDecided;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * An insurance claim of one member on one program, and its decision and payout: SUBMITTED, then APPROVED or
 * REJECTED once (422 {@code claim-status} for a second decision).
 */
@CompoundIndex(name = "memberId_submittedAt", def = "{'memberId': 1, 'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "submittedAt", def = "{'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@Document("claims")
public class Claim extends OutboxAggregate {

    @Id
    private String id;
    @Version
    private Long version;
    private String programId;
    private String programName;
    private String programOrgPath;
    private String memberId;
    private String workerType;
    private String organizationId;
    private String orgPath;
    private long claimedFen;
    private String description;
    private List<String> attachments;
    private ClaimStatus status;
    private String submittedBy;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private Long paidFen;
    private String reason;

    Claim() {
    }

    static Claim submitted(String id, Program program, MemberEligibility member, long claimedFen, String description,
            List<String> attachments, String by, Instant at) {
        Claim claim = new Claim();
        claim.id = id;
        claim.programId = program.id();
        claim.programName = program.name();
        claim.programOrgPath = program.orgPath();
        claim.memberId = member.memberId();
        claim.workerType = member.workerType();
        claim.organizationId = member.organizationId();
        claim.orgPath = member.orgPath();
        claim.claimedFen = claimedFen;
        claim.description = description;
        claim.attachments = attachments == null ? List.of() : List.copyOf(attachments);
        claim.status = ClaimStatus.SUBMITTED;
        claim.submittedBy = by;
        claim.submittedAt = at;
        return claim;
    }

    /** Approves a payout of at most the program's per-claim ceiling (422 {@code per-claim-ceiling}). */
    void approve(long paidFen, long perClaimCeilingFen, String by, Instant at) {
        requireSubmitted();
        if (paidFen > perClaimCeilingFen) {
            throw new BusinessRuleViolationException("per-claim-ceiling",
                    "At most " + perClaimCeilingFen + " fen per claim in this program.");
        }
        status = ClaimStatus.APPROVED;
        this.paidFen = paidFen;
        decidedBy = by;
        decidedAt = at;
        registerEvent(new ClaimDecided(id, programId, programName, memberId, ClaimStatus.APPROVED.name(), paidFen,
                null, at));
    }

    void reject(String reason, String by, Instant at) {
        requireSubmitted();
        status = ClaimStatus.REJECTED;
        this.reason = reason;
        decidedBy = by;
        decidedAt = at;
        registerEvent(new ClaimDecided(id, programId, programName, memberId, ClaimStatus.REJECTED.name(), 0, reason,
                at));
    }

    private void requireSubmitted() {
        if (status != ClaimStatus.SUBMITTED) {
            throw new BusinessRuleViolationException("claim-status", "The claim was already " + status + ".");
        }
    }

    public String id() { return id; }
    public String programId() { return programId; }
    public String programName() { return programName; }
    public String programOrgPath() { return programOrgPath; }
    public String memberId() { return memberId; }
    public String workerType() { return workerType; }
    public String organizationId() { return organizationId; }
    public String orgPath() { return orgPath; }
    public long claimedFen() { return claimedFen; }
    public String description() { return description; }
    public List<String> attachments() { return attachments == null ? List.of() : attachments; }
    public ClaimStatus status() { return status; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public Long paidFen() { return paidFen; }
    public String reason() { return reason; }
}
