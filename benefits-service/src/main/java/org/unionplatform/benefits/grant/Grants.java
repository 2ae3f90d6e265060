package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.config.OnceAudit;
import org.unionplatform.benefits.config.StepFaults;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.PersonalDataProtector;
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
    private final GrantFate fate;
    private final OnceAudit audit;
    private final StepFaults faults;
    private final Clock clock;
    private final PersonalDataProtector protector;

    Grants(Programs programs, Issuance issuance, IdempotencyRecordRepository keys, GrantRepository grants,
            ProgramLedger ledger, MemberSlotRepository slots, MongoOperations mongo, GrantFate fate, OnceAudit audit,
            StepFaults faults, Clock clock, PersonalDataProtector protector) {
        this.programs = programs;
        this.issuance = issuance;
        this.keys = keys;
        this.grants = grants;
        this.ledger = ledger;
        this.slots = slots;
        this.mongo = mongo;
        this.fate = fate;
        this.audit = audit;
        this.faults = faults;
        this.clock = clock;
        this.protector = protector;
    }

    /** The outcome: the grant, and whether it is a replay of an earlier request with the same key. */
    record Outcome(Grant grant, boolean replayed) {
    }

    Outcome issue(String programId, GrantRequests.Issue request, String key, Caller caller) {
        Program program = programs.require(programId, caller);
        return once(key, caller, IdempotencyRecord.hashOf(programId, request.memberId(),
                String.valueOf(request.amountFen()), String.valueOf(request.note())),
                grantId -> issuance.issue(program, request, grantId, caller));
    }

    /** Issuing to a worker who is not a member: the same key, exactly-once and budget rules as for a member. */
    Outcome issueToWorker(String programId, GrantRequests.IssueToWorker request, String key, Caller caller) {
        Program program = programs.require(programId, caller);
        MobilePhoneNumber phone = MobilePhoneNumber.parse(request.phone());
        String name = request.name().strip();
        return once(key, caller, IdempotencyRecord.hashOf(programId, "worker", name, protector.lookupHash(phone),
                request.workerType(), String.valueOf(request.amountFen()), String.valueOf(request.note())),
                grantId -> issuance.issueToWorker(program, name, protector.protect(phone), request.workerType(),
                        request.amountFen(), request.note(), grantId, caller));
    }

    /** Runs one issuing attempt under the caller's {@code Idempotency-Key} (docs/benefits.md, "Issuing"). */
    private Outcome once(String key, Caller caller, String bodyHash, Function<String, Grant> attempt) {
        String recordId = caller.subject() + " " + key;
        IdempotencyRecord record = keys.claim(recordId, bodyHash);
        if (IdempotencyRecord.DONE.equals(record.state())) {
            return replay(record);
        }
        Optional<Grant> committed = grants.findById(record.grantId()).filter(g -> g.status() != GrantStatus.CANCELLED);
        if (committed.isPresent()) {
            // An earlier attempt with this key got past the commit point and stopped: finish it and answer it.
            issuance.finish(committed.get());
            keys.markIssued(recordId);
            return new Outcome(committed.get(), true);
        }
        try {
            Grant grant = attempt.apply(record.grantId());
            faults.reached("issue.after-settle");
            keys.markIssued(recordId);
            return new Outcome(grant, false);
        } catch (BusinessRuleViolationException | ConflictException | ResourceNotFoundException refusal) {
            keys.markRefused(recordId, refusal);
            throw refusal;
        } catch (RuntimeException failure) {
            // The key follows the grant's fate: a committed grant keeps it (the retry answers that grant); an attempt
            // that issued nothing (its id is buried or was never used) frees it for a new attempt.
            if (!grants.existsById(record.grantId())
                    || fate.of(record.grantId()) == GrantFate.Outcome.CANCELLED) {
                keys.forgetUnfinished(recordId);
            }
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
        faults.reached("revoke.after-save");
        returnToProgram(revoked);
        return revoked;
    }

    /** Returns budget and stock, frees the member's slot and audits, each once; safe to repeat. */
    void returnToProgram(Grant revoked) {
        ledger.giveBack(revoked.programId(), revoked.id(), revoked.amountFen(), revoked.items());
        faults.reached("revoke.after-give-back");
        slots.free(revoked.slot(), revoked.id());
        audit.record(revoked.revokedBy(), "BENEFIT_REVOKED", "grant:" + revoked.id(),
                Issuance.auditDetails(revoked, Map.of()));
        mongo.updateFirst(Query.query(where("_id").is(revoked.id())), new Update().set("returned", true), Grant.class);
    }
}
