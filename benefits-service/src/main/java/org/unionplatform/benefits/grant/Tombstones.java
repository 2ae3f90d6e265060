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
class Tombstones {

    enum Fate { GRANTED, REVOKED, CANCELLED, UNDECIDED }

    private final MongoOperations mongo;
    private final Clock clock;

    Tombstones(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Fate fate(String grantId) {
        Grant grant = mongo.findById(grantId, Grant.class);
        if (grant == null) {
            return Fate.UNDECIDED;
        }
        return switch (grant.status()) {
            case GRANTED -> Fate.GRANTED;
            case REVOKED -> Fate.REVOKED;
            case CANCELLED -> Fate.CANCELLED;
        };
    }

    /** True if the grant id is now (or already was) cancelled; false if the issuance completed first. */
    boolean bury(String grantId, String programId) {
        try {
            mongo.insert(Grant.tombstone(grantId, programId, clock.instant()));
            return true;
        } catch (DuplicateKeyException decided) {
            return fate(grantId) == Fate.CANCELLED;
        }
    }
}
