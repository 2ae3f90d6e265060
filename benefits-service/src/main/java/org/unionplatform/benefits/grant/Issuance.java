package org.unionplatform.benefits.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.client.MembershipDirectory;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * The steps of issuing one grant under an id decided before anything is held (docs/benefits.md, "Issuing"):
 * ask membership-service (a 503 here leaves nothing behind); take a per-member slot (unique id); reserve money and
 * items on the program (conditional $inc); insert the GRANTED grant with its event: the commit point; settle the
 * reservation. A crash after the slot or the reservation leaves what {@link RecoverySweep} cancels by a tombstone
 * after the lease ({@link GrantFate}); a crash after the insert leaves a reservation the sweep settles.
 */
@Component
class Issuance {

    private static final String CHANNEL = "OFFICER";

    private final Programs programs;
    private final ProgramLedger ledger;
    private final MembershipDirectory membership;
    private final MemberSlotRepository slots;
    private final GrantRepository grants;
    private final AuditTrail audit;
    private final Clock clock;

    Issuance(Programs programs, ProgramLedger ledger, MembershipDirectory membership, MemberSlotRepository slots,
            GrantRepository grants, AuditTrail audit, Clock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.membership = membership;
        this.slots = slots;
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    Grant issue(Program program, GrantRequests.Issue request, String grantId, Caller caller) {
        LocalDate today = programs.today();
        program.requireOpen();
        program.requireRunningOn(today);
        long amount = amount(program, request);
        long items = program.itemsForOneGrant();

        MemberEligibility member = membership.eligibility(request.memberId())
                .orElseThrow(() -> new BusinessRuleViolationException("member-known",
                        "No member " + request.memberId() + " is known to membership-service."))
                .asMember(request.memberId());
        if (!AccessScope.of(caller).coversOrgPath(member.orgPath())) {
            throw new ResourceNotFoundException("Member", request.memberId());
        }
        if (!program.covers(member.orgPath())) {
            throw new BusinessRuleViolationException("program-coverage",
                    "The member's union is outside the organisation this program covers.");
        }
        program.eligibility().check(member, today).ifPresent(failure -> {
            throw new BusinessRuleViolationException(failure.rule(), failure.detail());
        });

        String counter = program.memberLimit().counter(program.id(), member.memberId(), today);
        String slot = slots.take(counter, program.memberLimit().count(), grantId)
                .orElseThrow(() -> new ConflictException("The member already received what this program allows ("
                        + program.memberLimit().count() + " per " + program.memberLimit().per() + ").")
                        .with("reason", "member-limit-reached"));

        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Reservation reservation = new Reservation(grantId, Reservation.GRANT, amount, items, slot, now);
        if (!ledger.reserve(program.id(), reservation)) {
            slots.free(slot, grantId);
            throw new ConflictException("The program has no budget or stock left for this grant.")
                    .with("reason", "budget-exhausted");
        }
        Grant grant = Grant.granted(grantId, program, member, amount, items, CHANNEL, request.note(),
                caller.subject(), now, slot);
        try {
            grants.insert(grant);
        } catch (DuplicateKeyException tombstoned) {
            // Recovery cancelled this attempt while it was slow: give everything back, issue nothing.
            ledger.release(program.id(), reservation);
            slots.free(slot, grantId);
            throw new IssuanceAbandonedException();
        }
        ledger.settle(program.id(), reservation);
        audit.record("BENEFIT_GRANTED", "grant:" + grantId, AuditOutcome.SUCCESS,
                Map.of("programId", program.id(), "memberId", member.memberId(), "amountFen", String.valueOf(amount),
                        "items", String.valueOf(items)));
        return grant;
    }

    private static long amount(Program program, GrantRequests.Issue request) {
        if (!program.hasMoney()) {
            if (request.amountFen() != null) {
                throw new BusinessRuleViolationException("amount-per-grant", "This program gives items, not money.");
            }
            return 0;
        }
        long standard = Objects.requireNonNullElse(program.amountPerGrantFen(), 0L);
        if (request.amountFen() == null) {
            return standard;
        }
        if (request.amountFen() > standard) {
            throw new BusinessRuleViolationException("amount-per-grant",
                    "At most " + standard + " fen per grant in this program.");
        }
        return request.amountFen();
    }
}
