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
 * Settles or releases claim reservations older than the lease. Before releasing, the claim's version is bumped,
 * so a stalled approval can no longer save and pay without its reservation.
 */
@Component
class ClaimRecoverySweep {

    private static final Logger log = LoggerFactory.getLogger(ClaimRecoverySweep.class);

    private final ClaimRepository claims;
    private final ProgramLedger ledger;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration lease;

    ClaimRecoverySweep(ClaimRepository claims, ProgramLedger ledger, MongoOperations mongo, Clock clock,
            BenefitsProperties properties) {
        this.claims = claims;
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
                Claim claim = claims.findById(reservation.ref()).orElse(null);
                if (claim != null && claim.status() == ClaimStatus.APPROVED) {
                    ledger.settle(program.id(), reservation);
                    continue;
                }
                if (claim != null) {
                    mongo.updateFirst(Query.query(where("_id").is(claim.id()).and("status").is(ClaimStatus.SUBMITTED)),
                            new Update().inc("version", 1), Claim.class);
                    Claim after = claims.findById(claim.id()).orElseThrow();
                    if (after.status() == ClaimStatus.APPROVED) {
                        ledger.settle(program.id(), reservation);
                        continue;
                    }
                }
                ledger.release(program.id(), reservation);
            }
        }
    }
}
