package org.unionplatform.benefits.grant;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Decides the fate of a grant id. Inserting the grant document is the commit point of an issuance, so a
 * CANCELLED tombstone inserted first guarantees the issuance can never complete, and its reservation and
 * slot may be given back.
 */
@Component
class GrantFate {

    enum Outcome { GRANTED, REVOKED, CANCELLED, UNDECIDED }

    private final MongoOperations mongo;
    private final Clock clock;

    GrantFate(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Outcome of(String grantId) {
        Grant grant = mongo.findById(grantId, Grant.class);
        if (grant == null) {
            return Outcome.UNDECIDED;
        }
        return switch (grant.status()) {
            case GRANTED -> Outcome.GRANTED;
            case REVOKED -> Outcome.REVOKED;
            case CANCELLED -> Outcome.CANCELLED;
        };
    }

    /** True if the grant id is now (or already was) cancelled; false if the issuance completed first. */
    boolean bury(String grantId, String programId) {
        try {
            mongo.insert(Grant.tombstone(grantId, programId, clock.instant()));
            return true;
        } catch (DuplicateKeyException decided) {
            return of(grantId) == Outcome.CANCELLED;
        }
    }
}
