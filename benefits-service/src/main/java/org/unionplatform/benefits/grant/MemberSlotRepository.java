package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.config.BenefitsProperties;

/** Takes and frees per-member limit slots; repairs slots left behind by an issuance that never finished. */
@Component
class MemberSlotRepository {

    private final MongoOperations mongo;
    private final GrantFate fate;
    private final Clock clock;
    private final Duration lease;

    MemberSlotRepository(MongoOperations mongo, GrantFate fate, Clock clock, BenefitsProperties properties) {
        this.mongo = mongo;
        this.fate = fate;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    /** The slot now held by {@code grantId}, or empty when all {@code count} slots of the counter are taken. */
    Optional<String> take(String counter, int count, String grantId) {
        for (int n = 1; n <= count; n++) {
            String slotId = counter + "|" + n;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    mongo.insert(new MemberSlot(slotId, grantId, clock.instant()));
                    return Optional.of(slotId);
                } catch (DuplicateKeyException taken) {
                    if (!reclaimIfAbandoned(slotId)) {
                        break;
                    }
                }
            }
        }
        return Optional.empty();
    }

    void free(String slotId, String grantId) {
        if (slotId != null) {
            mongo.remove(Query.query(where("_id").is(slotId).and("grantId").is(grantId)), MemberSlot.class);
        }
    }

    /** Frees a slot whose grant was abandoned (tombstoned, or unfinished past its lease); true if freed. */
    private boolean reclaimIfAbandoned(String slotId) {
        MemberSlot slot = mongo.findById(slotId, MemberSlot.class);
        if (slot == null) {
            return true;
        }
        boolean abandoned = switch (fate.of(slot.grantId())) {
            case GRANTED, REVOKED -> false;
            case CANCELLED -> true;
            case UNDECIDED -> slot.takenAt().plus(lease).isBefore(clock.instant())
                    && fate.bury(slot.grantId(), null);
        };
        if (abandoned) {
            free(slotId, slot.grantId());
        }
        return abandoned;
    }
}
