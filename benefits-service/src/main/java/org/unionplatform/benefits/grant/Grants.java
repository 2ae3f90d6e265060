package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * Grants' use cases. Issuing happens exactly once per {@code Idempotency-Key} ({@link IdempotencyRecordRepository}
 * keeps the key, {@link Issuance} does the steps). Revoking takes a grant back ({@link Grant#revoke} states the
 * rules): the state change and {@code benefit.revoked} are one versioned save (two officers at once: one wins, the
 * other gets 409); the return to the program is idempotent per grant, and {@link RecoverySweep} repeats it if a
 * crash came between.
 */
@Service
class Grants {

    private final Programs programs;
    private final Issuance issuance;
    private final IdempotencyRecordRepository keys;
    private final GrantRepository grants;
    private final ProgramLedger ledger;
    private final MemberSlotRepository slots;
    private final MongoOperations mongo;
    private final AuditTrail audit;
    private final Clock clock;

    Grants(Programs programs, Issuance issuance, IdempotencyRecordRepository keys, GrantRepository grants,
            ProgramLedger ledger, MemberSlotRepository slots, MongoOperations mongo, AuditTrail audit, Clock clock) {
        this.programs = programs;
        this.issuance = issuance;
        this.keys = keys;
        this.grants = grants;
        this.ledger = ledger;
        this.slots = slots;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome: the grant, and whether it is a replay of an earlier request with the same key. */
    record Outcome(Grant grant, boolean replayed) {
    }

    Outcome issue(String programId, GrantRequests.Issue request, String key, Caller caller) {
        Program program = programs.require(programId, caller);
        String recordId = caller.subject() + " " + key;
        IdempotencyRecord record = keys.claim(recordId, IdempotencyRecord.hashOf(programId, request.memberId(),
                String.valueOf(request.amountFen()), String.valueOf(request.note())));
        if (IdempotencyRecord.DONE.equals(record.state())) {
            return replay(record);
        }
        try {
            Grant grant = issuance.issue(program, request, record.grantId(), caller);
            keys.markIssued(recordId);
            return new Outcome(grant, false);
        } catch (BusinessRuleViolationException | ConflictException | ResourceNotFoundException refusal) {
            keys.markRefused(recordId, refusal);
            throw refusal;
        } catch (RuntimeException failure) {
            keys.forgetUnfinished(recordId);
            throw failure;
        }
    }

    private Outcome replay(IdempotencyRecord record) {
        if (record.status() != null && record.status() == HttpStatus.CREATED.value()) {
            return new Outcome(grants.findById(record.grantId()).orElseThrow(), true);
        }
        IdempotencyRecord.Problem problem = record.problem();
        throw new ReplayedProblem(record.status(), problem.title(), problem.detail(),
                problem.properties() == null ? Map.of() : problem.properties());
    }

    Grant revoke(String grantId, String reason, Caller caller) {
        Grant grant = AccessScope.of(caller).requireInSubtree(
                grants.findById(grantId).filter(g -> g.status() != GrantStatus.CANCELLED), Grant::orgPath,
                "Grant", grantId);
        Program program = programs.require(grant.programId(), caller);
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        grant.revoke(caller.subject(), reason, now, program.revokeWindowDays());
        Grant revoked = grants.save(grant);
        returnToProgram(revoked);
        audit.record("BENEFIT_REVOKED", "grant:" + grantId, AuditOutcome.SUCCESS,
                Map.of("programId", grant.programId(), "memberId", grant.memberId()));
        return revoked;
    }

    /** Returns budget and stock and frees the member's slot; safe to repeat. */
    void returnToProgram(Grant revoked) {
        ledger.giveBack(revoked.programId(), revoked.id(), revoked.amountFen(), revoked.items());
        slots.free(revoked.slot(), revoked.id());
        mongo.updateFirst(Query.query(where("_id").is(revoked.id())), new Update().set("returned", true), Grant.class);
    }
}
