package org.unionplatform.benefits.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;

/**
 * The {@code Idempotency-Key} records of issuing (collection {@code idempotency_keys}): each change is one
 * single-document operation, and an attempt left unfinished is judged by the fate of its grant id.
 */
@Component
class IdempotencyRecordRepository {

    private final MongoOperations mongo;
    private final GrantFate fate;
    private final Clock clock;
    private final Duration lease;

    IdempotencyRecordRepository(MongoOperations mongo, GrantFate fate, Clock clock, BenefitsProperties properties) {
        this.mongo = mongo;
        this.fate = fate;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    /**
     * The key's record for this request: a new IN_PROGRESS one (with a fresh grant id), a DONE one to replay, or an
     * IN_PROGRESS one whose grant was committed by an attempt that stopped (the caller finishes and answers it).
     * 422 {@code idempotency-key-reused} for another body; 409 {@code idempotency-key-in-progress} while the first
     * attempt may still be running.
     */
    IdempotencyRecord claim(String recordId, String hash) {
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
                switch (fate.of(existing.grantId())) {
                    case GRANTED, REVOKED -> {
                        // The first request issued the grant and stopped before recording it: the caller finishes it.
                        return existing;
                    }
                    case CANCELLED -> release(existing);
                    case UNDECIDED -> {
                        if (existing.startedAt().plus(lease).isAfter(clock.instant())
                                || !fate.bury(existing.grantId(), null)) {
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

    void markIssued(String recordId) {
        mongo.updateFirst(byId(recordId), new Update().set("state", IdempotencyRecord.DONE)
                .set("status", HttpStatus.CREATED.value()), IdempotencyRecord.class);
    }

    /** A refusal is an outcome too: the same request with the same key gets the same answer. */
    void markRefused(String recordId, PlatformProblemException refusal) {
        mongo.updateFirst(byId(recordId), new Update().set("state", IdempotencyRecord.DONE)
                .set("status", refusal.status().value()).set("problem",
                        new IdempotencyRecord.Problem(refusal.title(), refusal.getMessage(), refusal.properties())),
                IdempotencyRecord.class);
    }

    /** Nothing was issued (503, abandoned, buried after a failure): the key is free for a retry. */
    void forgetUnfinished(String recordId) {
        mongo.remove(Query.query(where("_id").is(recordId).and("state").is(IdempotencyRecord.IN_PROGRESS)),
                IdempotencyRecord.class);
    }

    /** Forgets an abandoned attempt of the key (its grant id is tombstoned; the sweep returns its reservation). */
    private void release(IdempotencyRecord abandoned) {
        mongo.remove(Query.query(where("_id").is(abandoned.id()).and("grantId").is(abandoned.grantId())),
                IdempotencyRecord.class);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
