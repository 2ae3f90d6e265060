package org.unionplatform.benefits.claim;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.ClaimDecided;
import org.unionplatform.benefits.events.ClaimPaid;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * An insurance claim of one member on one program, its decision and its payout: SUBMITTED, then APPROVED (an amount
 * held on the program's budget under {@code reservationRef}) or REJECTED once (422 {@code claim-status} for a second
 * decision); an APPROVED claim is PAID once, which spends what was held.
 */
@CompoundIndex(name = "memberId_submittedAt", def = "{'memberId': 1, 'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "submittedAt", def = "{'submittedAt': -1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
// One program's claims newest first (the list and its XLSX download filtered by program).
@CompoundIndex(name = "programId_submittedAt", def = "{'programId': 1, 'submittedAt': -1, '_id': 1, 'orgPath': 1}")
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
    private Long approvedFen;
    private String reason;
    private String reservationRef;
    private String paidBy;
    private Instant paidAt;
    private String payoutReference;

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

    /**
     * Approves a payout of {@code amountFen} held under {@code reservationRef}: at most the amount claimed (422
     * {@code claimed-amount}) and the program's per-claim ceiling (422 {@code per-claim-ceiling}); less than claimed
     * only with a reason (422 {@code partial-reason}), which the decision carries.
     */
    void approve(long amountFen, long perClaimCeilingFen, String partialReason, String reservationRef, String by,
            Instant at) {
        requireStatus(ClaimStatus.SUBMITTED);
        if (amountFen > claimedFen) {
            throw new BusinessRuleViolationException("claimed-amount",
                    "At most the " + claimedFen + " fen claimed can be approved.");
        }
        if (amountFen > perClaimCeilingFen) {
            throw new BusinessRuleViolationException("per-claim-ceiling",
                    "At most " + perClaimCeilingFen + " fen per claim in this program.");
        }
        boolean partial = amountFen < claimedFen;
        if (partial && (partialReason == null || partialReason.isBlank())) {
            throw new BusinessRuleViolationException("partial-reason",
                    "Approving less than the " + claimedFen + " fen claimed needs a reason.");
        }
        status = ClaimStatus.APPROVED;
        approvedFen = amountFen;
        reason = partial ? partialReason : null;
        this.reservationRef = reservationRef;
        decidedBy = by;
        decidedAt = at;
        registerEvent(new ClaimDecided(id, programId, programName, memberId, ClaimStatus.APPROVED.name(), amountFen,
                reason, at));
    }

    /**
     * Records the payout of an APPROVED claim (422 {@code claim-status} otherwise) with the transfer's reference.
     * A claim PAID under the same reference is left as it is (false): a repeated payout request changes nothing.
     */
    boolean payOut(String reference, String by, Instant at) {
        if (status == ClaimStatus.PAID && reference.equals(payoutReference)) {
            return false;
        }
        requireStatus(ClaimStatus.APPROVED);
        status = ClaimStatus.PAID;
        payoutReference = reference;
        paidBy = by;
        paidAt = at;
        registerEvent(new ClaimPaid(id, programId, memberId, approvedFen, reference, at));
        return true;
    }

    void reject(String reason, String by, Instant at) {
        requireStatus(ClaimStatus.SUBMITTED);
        status = ClaimStatus.REJECTED;
        this.reason = reason;
        decidedBy = by;
        decidedAt = at;
        registerEvent(new ClaimDecided(id, programId, programName, memberId, ClaimStatus.REJECTED.name(), 0, reason,
                at));
    }

    private void requireStatus(ClaimStatus expected) {
        if (status != expected) {
            throw new BusinessRuleViolationException("claim-status", "The claim is " + status + ", not " + expected + ".");
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
    public Long approvedFen() { return approvedFen; }
    public String reason() { return reason; }
    public String reservationRef() { return reservationRef; }
    public String paidBy() { return paidBy; }
    public Instant paidAt() { return paidAt; }
    public String payoutReference() { return payoutReference; }
}
