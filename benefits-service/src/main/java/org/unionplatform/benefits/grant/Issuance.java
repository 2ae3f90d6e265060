package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.benefits.eligibility.MemberEligibility;
import org.unionplatform.benefits.eligibility.MembershipDirectory;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * Issues a benefit exactly once per Idempotency-Key, within the per-member limit, the budget and the stock.
 * <p>
 * Order of work: (1) claim the key; (2) ask membership-service (a 503 here leaves nothing behind but the released
 * key); (3) take a per-member slot (unique id); (4) reserve money and items on the program (conditional $inc);
 * (5) insert the GRANTED grant with its event: the commit point; (6) settle the reservation. A crash after (3)
 * or (4) leaves a slot or reservation whose grant id was never inserted: the recovery sweep (or the next request
 * that meets it) inserts a CANCELLED tombstone under that id once the lease is over, which both stops a late
 * (5) and lets the slot and reservation be given back. A crash after (5) leaves a reservation the sweep settles.
 */
@Service
public class Issuance {

    private static final String CHANNEL = "OFFICER";

    private final Programs programs;
    private final ProgramLedger ledger;
    private final MembershipDirectory membership;
    private final MemberSlots slots;
    private final Tombstones tombstones;
    private final GrantRepository grants;
    private final MongoOperations mongo;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lease;

    Issuance(Programs programs, ProgramLedger ledger, MembershipDirectory membership, MemberSlots slots,
            Tombstones tombstones, GrantRepository grants, MongoOperations mongo, AuditTrail audit, Clock clock,
            BenefitsProperties properties) {
        this.programs = programs;
        this.ledger = ledger;
        this.membership = membership;
        this.slots = slots;
        this.tombstones = tombstones;
        this.grants = grants;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    /** The outcome: the grant, and whether it is a replay of an earlier request with the same key. */
    record Outcome(Grant grant, boolean replayed) {
    }

    Outcome issue(String programId, IssueRequest request, String key, Caller caller) {
        Program program = programs.require(programId, caller);
        String recordId = caller.subject() + " " + key;
        String hash = hash(programId, request);
        IdempotencyRecord record = claim(recordId, hash);
        if (IdempotencyRecord.DONE.equals(record.state())) {
            return replay(record);
        }
        try {
            Grant grant = issue(program, request, record.grantId(), caller);
            mongo.updateFirst(byId(recordId), new Update().set("state", IdempotencyRecord.DONE)
                    .set("status", HttpStatus.CREATED.value()), IdempotencyRecord.class);
            return new Outcome(grant, false);
        } catch (BusinessRuleViolationException | ConflictException | ResourceNotFoundException refusal) {
            // A refusal is an outcome too: the same request with the same key gets the same answer.
            mongo.updateFirst(byId(recordId), new Update().set("state", IdempotencyRecord.DONE)
                    .set("status", refusal.status().value()).set("problem",
                            new IdempotencyRecord.Problem(refusal.title(), refusal.getMessage(), refusal.properties())),
                    IdempotencyRecord.class);
            throw refusal;
        } catch (RuntimeException failure) {
            // Nothing was issued (503, abandoned, unexpected): the key is free for a retry.
            mongo.remove(Query.query(where("_id").is(recordId).and("state").is(IdempotencyRecord.IN_PROGRESS)),
                    IdempotencyRecord.class);
            throw failure;
        }
    }

    private IdempotencyRecord claim(String recordId, String hash) {
        for (int attempt = 0; attempt < 5; attempt++) {
            IdempotencyRecord fresh = new IdempotencyRecord(recordId, hash, UUID.randomUUID().toString(),
                    IdempotencyRecord.IN_PROGRESS, clock.instant(), null, null);
            try {
                return mongo.insert(fresh);
            } catch (DuplicateKeyException used) {
                IdempotencyRecord existing = mongo.findById(recordId, IdempotencyRecord.class);
                if (existing == null) {
                    continue;
                }
                if (!existing.bodyHash().equals(hash)) {
                    throw new BusinessRuleViolationException("idempotency-key-reused",
                            "This Idempotency-Key was used with a different request; use a new key for a new request.");
                }
                if (IdempotencyRecord.DONE.equals(existing.state())) {
                    return existing;
                }
                switch (tombstones.fate(existing.grantId())) {
                    case GRANTED, REVOKED -> {
                        // The first request issued the grant and stopped before recording it: record it now.
                        mongo.updateFirst(byId(recordId), new Update().set("state", IdempotencyRecord.DONE)
                                .set("status", HttpStatus.CREATED.value()), IdempotencyRecord.class);
                        return mongo.findById(recordId, IdempotencyRecord.class);
                    }
                    case CANCELLED -> release(existing);
                    case UNDECIDED -> {
                        if (existing.startedAt().plus(lease).isAfter(clock.instant())
                                || !tombstones.bury(existing.grantId(), null)) {
                            throw new ConflictException("A request with this Idempotency-Key is still being processed; "
                                    + "retry in a moment to get its result.").with("reason", "idempotency-key-in-progress");
                        }
                        release(existing);
                    }
                }
            }
        }
        throw new ConflictException("This Idempotency-Key is busy; retry in a moment.")
                .with("reason", "idempotency-key-in-progress");
    }

    /** Forgets an abandoned attempt of the key (its grant id is tombstoned; the sweep returns its reservation). */
    private void release(IdempotencyRecord abandoned) {
        mongo.remove(Query.query(where("_id").is(abandoned.id()).and("grantId").is(abandoned.grantId())),
                IdempotencyRecord.class);
    }

    private Outcome replay(IdempotencyRecord record) {
        if (record.status() != null && record.status() == HttpStatus.CREATED.value()) {
            return new Outcome(grants.findById(record.grantId()).orElseThrow(), true);
        }
        IdempotencyRecord.Problem problem = record.problem();
        throw new ReplayedProblem(record.status(), problem.title(), problem.detail(),
                problem.properties() == null ? Map.of() : problem.properties());
    }

    private Grant issue(Program program, IssueRequest request, String grantId, Caller caller) {
        LocalDate today = programs.today();
        if (program.status() != ProgramStatus.OPEN) {
            throw new BusinessRuleViolationException("program-open", "The program is " + program.status() + ", not OPEN.");
        }
        if (!program.runsOn(today)) {
            throw new BusinessRuleViolationException("program-period",
                    "The program runs from " + program.startsOn() + " to " + program.endsOn() + ".");
        }
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

    private static long amount(Program program, IssueRequest request) {
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

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    static String hash(String programId, IssueRequest request) {
        String canonical = String.join("\u0000", programId, request.memberId(),
                String.valueOf(request.amountFen()), String.valueOf(request.note()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
