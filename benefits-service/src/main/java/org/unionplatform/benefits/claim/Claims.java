package org.unionplatform.benefits.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.client.MembershipDirectory;
import org.unionplatform.benefits.config.OnceAudit;
import org.unionplatform.benefits.config.StepFaults;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.ProgramRepository;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * Insurance claims: submitted by the member or an officer for them; approved (fully or, with a reason, partly) within
 * the amount claimed, the per-claim ceiling and the remaining budget (held on the budget under a ref the claim
 * records), or rejected; an approved claim is paid out, which spends what was held. A reservation a crash left behind
 * is settled or released by {@link ClaimRecoverySweep}.
 */
@Service
class Claims {

    private static final String REF_SEPARATOR = "|";

    private final ClaimRepository claims;
    private final ProgramRepository programRepository;
    private final Programs programs;
    private final ProgramLedger ledger;
    private final MembershipDirectory membership;
    private final OnceAudit audit;
    private final StepFaults faults;
    private final Clock clock;

    Claims(ClaimRepository claims, ProgramRepository programRepository, Programs programs, ProgramLedger ledger,
            MembershipDirectory membership, OnceAudit audit, StepFaults faults, Clock clock) {
        this.claims = claims;
        this.programRepository = programRepository;
        this.programs = programs;
        this.ledger = ledger;
        this.membership = membership;
        this.audit = audit;
        this.faults = faults;
        this.clock = clock;
    }

    Claim submit(String programId, ClaimRequests.Submit request, Caller caller) {
        boolean asMember = isMemberOnly(caller);
        String memberId = asMember ? caller.memberId() : request.memberId();
        if (memberId == null) {
            throw new BusinessRuleViolationException("member-id", "An officer names the member the claim is for.");
        }
        // A member reaches a program only through coverage (checked below); officers through their subtree.
        Program program = asMember
                ? programRepository.findById(programId).orElseThrow(() -> new ResourceNotFoundException("Program", programId))
                : programs.require(programId, caller);
        MemberEligibility member = membership.eligibility(memberId)
                .orElseThrow(() -> new BusinessRuleViolationException("member-known",
                        "No member " + memberId + " is known to membership-service."))
                .asMember(memberId);
        if (asMember && !program.covers(member.orgPath())) {
            throw new ResourceNotFoundException("Program", programId);
        }
        if (!asMember && !AccessScope.of(caller).coversOrgPath(member.orgPath())) {
            throw new ResourceNotFoundException("Member", memberId);
        }
        program.requireTakesClaims();
        program.requireOpen();
        if (!program.covers(member.orgPath())) {
            throw new BusinessRuleViolationException("program-coverage",
                    "The member's union is outside the organisation this program covers.");
        }
        program.eligibility().check(member, programs.today()).ifPresent(failure -> {
            throw new BusinessRuleViolationException(failure.rule(), failure.detail());
        });
        Claim claim = Claim.submitted(UUID.randomUUID().toString(), program, member, request.amountFen(),
                request.description(), request.attachments(), caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return claims.insert(claim);
    }

    /**
     * Steps: decide in memory (the claim's rules); hold the payout on the budget under a ref new to this attempt (409
     * {@code budget-exhausted}); save the claim, versioned (the commit point: of two approvers one wins, the other gives
     * its hold back); audit. A hold whose attempt never saved is released by {@link ClaimRecoverySweep}, which only
     * ever settles the hold the claim names, so a second approver's hold cannot be spent.
     */
    Claim approve(String claimId, long amountFen, String reason, Caller caller) {
        Claim claim = requireForOfficer(claimId, caller);
        Program program = programs.require(claim.programId(), caller);
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String ref = claim.id() + REF_SEPARATOR + UUID.randomUUID();
        claim.approve(amountFen, program.perClaimCeilingFen(), reason, ref, caller.subject(), now);
        Reservation reservation = new Reservation(ref, Reservation.CLAIM, amountFen, 0, null, now);
        if (!ledger.reserve(program.id(), reservation)) {
            throw new ConflictException("The program's remaining budget does not cover this payout.")
                    .with("reason", "budget-exhausted");
        }
        faults.reached("approve.after-reserve");
        try {
            claim = claims.save(claim);
        } catch (OptimisticLockingFailureException decidedMeanwhile) {
            faults.reached("approve.before-release");
            ledger.release(program.id(), reservation);
            throw decidedMeanwhile;
        }
        faults.reached("approve.after-save");
        auditApproval(claim);
        return claim;
    }

    /**
     * Steps: the claim becomes PAID, versioned, with {@code claim.paid} (the commit point); audit; the held payout is
     * spent. Repeating it with the same reference, or {@link ClaimRecoverySweep} after a crash, finishes the rest.
     */
    Claim payOut(String claimId, String reference, Caller caller) {
        Claim claim = requireForOfficer(claimId, caller);
        programs.require(claim.programId(), caller);
        if (claim.payOut(reference, caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            claim = claims.save(claim);
        }
        faults.reached("payout.after-save");
        finishPayout(claim);
        return claim;
    }

    /** Audits the payment and spends the held payout, each once (the hold is the mark of an unfinished payout). */
    void finishPayout(Claim paid) {
        audit.record(paid.paidBy(), "CLAIM_PAID", "claim:" + paid.id(), Map.of("programId", paid.programId(),
                "memberId", paid.memberId(), "paidFen", String.valueOf(paid.approvedFen()),
                "reference", paid.payoutReference()));
        faults.reached("payout.after-audit");
        ledger.settle(paid.programId(), new Reservation(paid.reservationRef(), Reservation.CLAIM, paid.approvedFen(),
                0, null, paid.decidedAt()));
    }

    void auditApproval(Claim approved) {
        audit.record(approved.decidedBy(), "CLAIM_APPROVED", "claim:" + approved.id(), Map.of("programId",
                approved.programId(), "memberId", approved.memberId(), "approvedFen",
                String.valueOf(approved.approvedFen())));
    }

    /** The claim a reservation ref belongs to ({@code <claimId>|<attempt>}). */
    static String claimIdOf(String ref) {
        int separator = ref.indexOf(REF_SEPARATOR);
        return separator < 0 ? ref : ref.substring(0, separator);
    }

    Claim reject(String claimId, String reason, Caller caller) {
        Claim claim = requireForOfficer(claimId, caller);
        programs.require(claim.programId(), caller);
        claim.reject(reason, caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Claim saved = claims.save(claim);
        audit.record(caller.subject(), "CLAIM_REJECTED", "claim:" + claimId,
                Map.of("programId", claim.programId(), "memberId", claim.memberId()));
        return saved;
    }

    Claim get(String claimId, Caller caller) {
        var found = claims.findById(claimId);
        return isMemberOnly(caller)
                ? AccessScope.of(caller).requireSelf(found, Claim::memberId, "Claim", claimId)
                : AccessScope.of(caller).requireInSubtree(found, Claim::orgPath, "Claim", claimId);
    }

    static boolean isMemberOnly(Caller caller) {
        return caller.has(Role.MEMBER) && !caller.hasAny(Role.ADMIN, Role.BENEFIT_OFFICER);
    }

    private Claim requireForOfficer(String claimId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(claims.findById(claimId), Claim::orgPath, "Claim", claimId);
    }
}
