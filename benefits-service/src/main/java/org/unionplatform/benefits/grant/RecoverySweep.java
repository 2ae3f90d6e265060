package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Reservation;

/**
 * Finishes what a crashed or stalled issuance left behind, after its lease: a reservation whose grant was
 * inserted is finished (audited once, settled); one whose grant never was is cancelled by a tombstone and given back (with its slot);
 * a revoked grant whose money did not reach the program yet is returned.
 */
@Component
class RecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(RecoverySweep.class);

    private final MongoOperations mongo;
    private final ProgramLedger ledger;
    private final GrantFate fate;
    private final MemberSlotRepository slots;
    private final Grants grants;
    private final Issuance issuance;
    private final Clock clock;
    private final Duration lease;

    RecoverySweep(MongoOperations mongo, ProgramLedger ledger, GrantFate fate, MemberSlotRepository slots,
            Grants grants, Issuance issuance, Clock clock, BenefitsProperties properties) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.fate = fate;
        this.slots = slots;
        this.grants = grants;
        this.issuance = issuance;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    @Scheduled(fixedDelayString = "${platform.benefits.recovery-interval:10s}",
            initialDelayString = "${platform.benefits.recovery-interval:10s}")
    void sweep() {
        try {
            sweep(clock.instant().minus(lease));
        } catch (RuntimeException e) {
            log.warn("Recovery sweep failed; it runs again shortly: {}", e.toString());
        }
    }

    /** Resolves grant reservations taken before {@code olderThan}; returns how many were resolved. */
    int sweep(Instant olderThan) {
        int resolved = 0;
        Query stale = Query.query(where("pending").elemMatch(where("kind").is(Reservation.GRANT).and("at").lt(olderThan)));
        for (Program program : mongo.find(stale, Program.class)) {
            for (Reservation reservation : program.pending()) {
                if (Reservation.GRANT.equals(reservation.kind()) && reservation.at().isBefore(olderThan)) {
                    resolve(program.id(), reservation);
                    resolved++;
                }
            }
        }
        Query unreturned = Query.query(where("status").is(GrantStatus.REVOKED).and("returned").is(false)
                .and("revokedAt").lt(olderThan));
        for (Grant grant : mongo.find(unreturned, Grant.class)) {
            grants.returnToProgram(grant);
            resolved++;
        }
        return resolved;
    }

    private void resolve(String programId, Reservation reservation) {
        switch (fate.of(reservation.ref())) {
            case GRANTED, REVOKED -> finish(reservation);
            case CANCELLED -> giveBack(programId, reservation);
            case UNDECIDED -> {
                if (fate.bury(reservation.ref(), programId)) {
                    giveBack(programId, reservation);
                } else {
                    finish(reservation);
                }
            }
        }
    }

    /** The grant was committed and its request stopped before the end: audit and settle, as it would have. */
    private void finish(Reservation reservation) {
        issuance.finish(mongo.findById(reservation.ref(), Grant.class));
    }

    private void giveBack(String programId, Reservation reservation) {
        ledger.release(programId, reservation);
        slots.free(reservation.slot(), reservation.ref());
        log.info("Released the reservation of abandoned grant {} on program {}", reservation.ref(), programId);
    }
}
