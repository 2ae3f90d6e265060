package org.unionplatform.benefits.claim;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Reservation;

/**
 * Resolves claim reservations older than the lease: the one a claim names is kept (APPROVED) or spent (PAID); any
 * other is released. Before releasing, a SUBMITTED claim's version is bumped, so a stalled approval can no longer
 * save without its reservation.
 */
@Component
class ClaimRecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(ClaimRecoverySweep.class);

    private final ClaimRepository claims;
    private final Claims useCases;
    private final ProgramLedger ledger;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration lease;

    ClaimRecoverySweep(ClaimRepository claims, Claims useCases, ProgramLedger ledger, MongoOperations mongo, Clock clock,
            BenefitsProperties properties) {
        this.claims = claims;
        this.useCases = useCases;
        this.ledger = ledger;
        this.mongo = mongo;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    @Scheduled(fixedDelayString = "${platform.benefits.recovery-interval:10s}",
            initialDelayString = "${platform.benefits.recovery-interval:10s}")
    void sweep() {
        try {
            sweep(clock.instant().minus(lease));
        } catch (RuntimeException e) {
            log.warn("Claim recovery sweep failed; it runs again shortly: {}", e.toString());
        }
    }

    void sweep(Instant olderThan) {
        Query stale = Query.query(where("pending").elemMatch(where("kind").is(Reservation.CLAIM).and("at").lt(olderThan)));
        for (Program program : mongo.find(stale, Program.class)) {
            List<Reservation> reservations = program.pending().stream()
                    .filter(r -> Reservation.CLAIM.equals(r.kind()) && r.at().isBefore(olderThan)).toList();
            for (Reservation reservation : reservations) {
                resolve(program.id(), reservation);
            }
        }
    }

    /**
     * A hold the claim names is the claim's: kept while APPROVED (it waits for the payout; the approval's audit is
     * completed), spent once PAID. Any other hold (an approval that never saved, a second approver who lost) is
     * released, after a still-SUBMITTED claim's version is bumped so that a stalled approval can never save with it.
     */
    private void resolve(String programId, Reservation reservation) {
        String claimId = Claims.claimIdOf(reservation.ref());
        Claim claim = claims.findById(claimId).orElse(null);
        if (claim != null && claim.status() == ClaimStatus.SUBMITTED) {
            mongo.updateFirst(Query.query(where("_id").is(claimId).and("status").is(ClaimStatus.SUBMITTED)),
                    new Update().inc("version", 1), Claim.class);
            claim = claims.findById(claimId).orElseThrow();
        }
        if (claim != null && reservation.ref().equals(claim.reservationRef())) {
            switch (claim.status()) {
                case APPROVED -> useCases.auditApproval(claim);
                case PAID -> useCases.finishPayout(claim);
                default -> ledger.release(programId, reservation);
            }
            return;
        }
        if (ledger.release(programId, reservation)) {
            log.info("Released the hold {} of an approval that did not complete on program {}", reservation.ref(),
                    programId);
        }
    }
}
