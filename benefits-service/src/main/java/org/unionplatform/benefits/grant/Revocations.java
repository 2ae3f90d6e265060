package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * Takes a grant back within its program's window and returns its money and items. The state change and the
 * {@code benefit.revoked} event are one versioned save (two officers at once: one wins, the other gets 409);
 * the return to the program is idempotent per grant, and the recovery sweep repeats it if a crash came between.
 */
@Service
class Revocations {

    private final GrantRepository grants;
    private final Programs programs;
    private final ProgramLedger ledger;
    private final MemberSlots slots;
    private final MongoOperations mongo;
    private final AuditTrail audit;
    private final Clock clock;

    Revocations(GrantRepository grants, Programs programs, ProgramLedger ledger, MemberSlots slots,
            MongoOperations mongo, AuditTrail audit, Clock clock) {
        this.grants = grants;
        this.programs = programs;
        this.ledger = ledger;
        this.slots = slots;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    Grant revoke(String grantId, String reason, Caller caller) {
        Grant grant = AccessScope.of(caller).requireInSubtree(
                grants.findById(grantId).filter(g -> g.status() != GrantStatus.CANCELLED), Grant::orgPath,
                "Grant", grantId);
        Program program = programs.require(grant.programId(), caller);
        if (grant.status() != GrantStatus.GRANTED) {
            throw new BusinessRuleViolationException("grant-status", "Only a GRANTED grant can be revoked.");
        }
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (grant.grantedAt().plus(Duration.ofDays(program.revokeWindowDays())).isBefore(now)) {
            throw new BusinessRuleViolationException("revoke-window",
                    "A grant can be revoked within " + program.revokeWindowDays() + " days of issue.");
        }
        grant.revoke(caller.subject(), reason, now);
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
