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
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.ProgramRepository;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * Insurance claims: submitted by the member or an officer for them, approved within the per-claim ceiling and the
 * remaining budget (a reservation keyed by the claim id, settled once the approval is saved), or rejected. A
 * reservation a crash left behind is settled or released by {@link ClaimRecoverySweep}.
 */
@Service
class Claims {

    private final ClaimRepository claims;
    private final ProgramRepository programRepository;
    private final Programs programs;
    private final ProgramLedger ledger;
    private final MembershipDirectory membership;
    private final AuditTrail audit;
    private final Clock clock;

    Claims(ClaimRepository claims, ProgramRepository programRepository, Programs programs, ProgramLedger ledger,
            MembershipDirectory membership, AuditTrail audit, Clock clock) {
        this.claims = claims;
        this.programRepository = programRepository;
        this.programs = programs;
        this.ledger = ledger;
        this.membership = membership;
        this.audit = audit;
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

    Claim approve(String claimId, long amountFen, Caller caller) {
        Claim claim = requireForOfficer(claimId, caller);
        Program program = programs.require(claim.programId(), caller);
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Decided in memory first (the claim's rules); stored only once the payout is held on the budget.
        claim.approve(amountFen, program.perClaimCeilingFen(), caller.subject(), now);
        Reservation reservation = new Reservation(claim.id(), Reservation.CLAIM, amountFen, 0, null, now);
        if (!ledger.reserve(program.id(), reservation)) {
            throw new ConflictException("The program's remaining budget does not cover this payout.")
                    .with("reason", "budget-exhausted");
        }
        try {
            claim = claims.save(claim);
        } catch (OptimisticLockingFailureException decidedMeanwhile) {
            ledger.release(program.id(), reservation);
            throw decidedMeanwhile;
        }
        ledger.settle(program.id(), reservation);
        audit.record("CLAIM_APPROVED", "claim:" + claimId, AuditOutcome.SUCCESS,
                Map.of("programId", program.id(), "memberId", claim.memberId(), "paidFen", String.valueOf(amountFen)));
        return claim;
    }

    Claim reject(String claimId, String reason, Caller caller) {
        Claim claim = requireForOfficer(claimId, caller);
        programs.require(claim.programId(), caller);
        claim.reject(reason, caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Claim saved = claims.save(claim);
        audit.record("CLAIM_REJECTED", "claim:" + claimId, AuditOutcome.SUCCESS,
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
