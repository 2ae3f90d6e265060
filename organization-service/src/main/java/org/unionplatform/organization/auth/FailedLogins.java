package org.unionplatform.organization.auth;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords with atomic increments (concurrent attempts cannot slip past the limit) and
 * locks after the threshold, doubling the lock each time it happens again in a row. Works on accounts
 * and on the throttle of unknown usernames alike: both documents share the three fields.
 */
@Component
class FailedLogins {

    private final MongoOperations mongo;
    private final AuthProperties.Lockout policy;

    FailedLogins(MongoOperations mongo, AuthProperties properties) {
        this.mongo = mongo;
        this.policy = properties.lockout();
    }

    /** Counts one failure; returns the lock duration if this failure locked it. */
    Duration count(Class<?> document, String id, Instant now) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        Counter counted = mongo.findAndModify(byId, new Update().inc("failedLogins", 1).setOnInsert("lockouts", 0),
                FindAndModifyOptions.options().returnNew(true).upsert(true), Counter.class,
                mongo.getCollectionName(document));
        if (counted == null || counted.failedLogins() < policy.threshold()) {
            return null;
        }
        Duration lock = policy.durationAfter(counted.lockouts());
        // Only the attempt that saw this exact count locks, so a burst locks once, not many times.
        long locked = mongo.updateFirst(Query.query(Criteria.where("_id").is(id)
                        .and("failedLogins").is(counted.failedLogins())),
                new Update().set("failedLogins", 0).set("lockedUntil", now.plus(lock)).inc("lockouts", 1),
                document).getModifiedCount();
        return locked == 1 ? lock : null;
    }

    record Counter(String id, int failedLogins, int lockouts) {
    }
}
