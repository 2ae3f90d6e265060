package org.unionplatform.benefits.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.client.MembershipDirectory;
import org.unionplatform.benefits.config.OnceAudit;
import org.unionplatform.benefits.config.StepFaults;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * The steps of issuing one grant under an id decided before anything is held (docs/benefits.md, "Issuing"):
 * ask membership-service (a 503 here leaves nothing behind); take a per-member slot (unique id); reserve money and
 * items on the program (conditional $inc); insert the GRANTED grant with its event: the commit point; audit; settle
 * the reservation. A failure before the commit point buries the grant id at once ({@link GrantFate}) and gives back
 * what it held; a crash there leaves what {@link RecoverySweep} or the next attempt buries after the lease. After the
 * commit point the grant stands: {@link #finish} (audit once, settle once) is repeated by the retry or the sweep.
 */
@Component
class Issuance {

    private static final String CHANNEL = "OFFICER";

    private final Programs programs;
    private final ProgramLedger ledger;
    private final MembershipDirectory membership;
    private final MemberSlotRepository slots;
    private final GrantRepository grants;
    private final GrantFate fate;
    private final OnceAudit audit;
    private final StepFaults faults;
    private final Clock clock;

    Issuance(Programs programs, ProgramLedger ledger, MembershipDirectory membership, MemberSlotRepository slots,
            GrantRepository grants, GrantFate fate, OnceAudit audit, StepFaults faults, Clock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.membership = membership;
        this.slots = slots;
        this.grants = grants;
        this.fate = fate;
        this.audit = audit;
        this.faults = faults;
        this.clock = clock;
    }

    Grant issue(Program program, GrantRequests.Issue request, String grantId, Caller caller) {
        LocalDate today = programs.today();
        program.requireOpen();
        program.requireRunningOn(today);
        long amount = amount(program, request.amountFen());

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
        return reserveAndCommit(program, grantId, amount, slot, now -> Grant.granted(grantId, program, member,
                amount, program.itemsForOneGrant(), CHANNEL, request.note(), caller.subject(), now, slot));
    }

    /**
     * The same steps for a worker who is not a member, on a program open to all workers (422
     * {@code program-audience} otherwise): no membership-service call; only the worker type is checked; once per
     * program per person, the person being the phone's keyed hash (409 {@code member-limit-reached}).
     */
    Grant issueToWorker(Program program, String name, ProtectedMobilePhone phone, String workerType, Long amountFen,
            String note, String grantId, Caller caller) {
        program.requireOpenToAllWorkers();
        program.requireOpen();
        program.requireRunningOn(programs.today());
        long amount = amount(program, amountFen);
        program.eligibility().checkWorkerType(workerType).ifPresent(failure -> {
            throw new BusinessRuleViolationException(failure.rule(), failure.detail());
        });
        String counter = "program:" + program.id() + "|worker|" + phone.lookupHash();
        String slot = slots.take(counter, 1, grantId)
                .orElseThrow(() -> new ConflictException("This worker already received this program's benefit.")
                        .with("reason", "member-limit-reached"));
        return reserveAndCommit(program, grantId, amount, slot, now -> Grant.grantedToWorker(grantId, program,
                name, phone, workerType, amount, program.itemsForOneGrant(), CHANNEL, note, caller.subject(), now,
                slot));
    }

    /** Reserve (step 4), insert the grant: the commit point (5), then {@link #finish} (6-7). */
    private Grant reserveAndCommit(Program program, String grantId, long amount, String slot,
            Function<Instant, Grant> granted) {
        long items = program.itemsForOneGrant();
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Reservation reservation = new Reservation(grantId, Reservation.GRANT, amount, items, slot, now);
        boolean reserved;
        try {
            faults.reached("issue.after-slot");
            reserved = ledger.reserve(program.id(), reservation);
        } catch (RuntimeException failure) {
            abandon(program.id(), reservation, failure);
            throw failure;
        }
        if (!reserved) {
            slots.free(slot, grantId);
            throw new ConflictException("The program has no budget or stock left for this grant.")
                    .with("reason", "budget-exhausted");
        }
        Grant grant = granted.apply(now);
        try {
            faults.reached("issue.after-reserve");
            grants.insert(grant);
        } catch (DuplicateKeyException tombstoned) {
            // Recovery cancelled this attempt while it was slow: give everything back, issue nothing.
            ledger.release(program.id(), reservation);
            slots.free(slot, grantId);
            throw new IssuanceAbandonedException();
        } catch (RuntimeException failure) {
            abandon(program.id(), reservation, failure);
            throw failure;
        }
        faults.reached("issue.after-insert");
        finish(grant);
        return grant;
    }

    /** The steps after the commit point, each done once however often this runs: audit, then settle. */
    void finish(Grant grant) {
        audit.record(grant.grantedBy(), "BENEFIT_GRANTED", "grant:" + grant.id(),
                auditDetails(grant, Map.of("amountFen", String.valueOf(grant.amountFen()),
                        "items", String.valueOf(grant.items()))));
        faults.reached("issue.after-audit");
        ledger.settle(grant.programId(), new Reservation(grant.id(), Reservation.GRANT, grant.amountFen(),
                grant.items(), grant.slot(), grant.grantedAt()));
    }

    /**
     * A step before the commit point failed: the grant id is buried so no late insert can complete it, and what it
     * held is given back now. If the insert reached the database after all, the grant stands and is finished later.
     */
    private void abandon(String programId, Reservation reservation, RuntimeException failure) {
        try {
            if (fate.bury(reservation.ref(), programId)) {
                ledger.release(programId, reservation);
                slots.free(reservation.slot(), reservation.ref());
            }
        } catch (RuntimeException alsoFailed) {
            // The database is unreachable: the sweep buries and gives back after the lease.
            failure.addSuppressed(alsoFailed);
        }
    }

    /** The program and the member; a grant to a worker who is not a member names no member (no personal data). */
    static Map<String, String> auditDetails(Grant grant, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put("programId", grant.programId());
        details.put("memberId", grant.memberId() != null ? grant.memberId() : "NON_MEMBER");
        return details;
    }

    private static long amount(Program program, Long amountFen) {
        if (!program.hasMoney()) {
            if (amountFen != null) {
                throw new BusinessRuleViolationException("amount-per-grant", "This program gives items, not money.");
            }
            return 0;
        }
        long standard = Objects.requireNonNullElse(program.amountPerGrantFen(), 0L);
        if (amountFen == null) {
            return standard;
        }
        if (amountFen > standard) {
            throw new BusinessRuleViolationException("amount-per-grant",
                    "At most " + standard + " fen per grant in this program.");
        }
        return amountFen;
    }
}
