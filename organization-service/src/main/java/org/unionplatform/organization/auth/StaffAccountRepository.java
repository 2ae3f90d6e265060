package org.unionplatform.organization.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Staff accounts in MongoDB; every change is a targeted, atomic update of the fields it concerns. */
@Component
class StaffAccountRepository {

    private final MongoOperations mongo;

    StaffAccountRepository(MongoOperations mongo) {
        this.mongo = mongo;
    }

    StaffAccount insert(StaffAccount account) {
        return mongo.insert(account);
    }

    boolean isEmpty() {
        return !mongo.exists(new Query(), StaffAccount.class);
    }

    Optional<StaffAccount> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, StaffAccount.class));
    }

    Optional<StaffAccount> byUsername(String username) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("username").is(StaffAccount.normalise(username))), StaffAccount.class));
    }

    Page<StaffAccount> page(Pageable pageable) {
        Query query = new Query();
        long total = mongo.count(query, StaffAccount.class);
        return new PageImpl<>(mongo.find(query.with(pageable), StaffAccount.class), pageable, total);
    }

    List<StaffAccount> where(Criteria criteria) {
        return mongo.find(Query.query(criteria), StaffAccount.class);
    }

    /** Applies an administrator's change; empty if the account does not exist. */
    Optional<StaffAccount> change(String id, Update update, String by, Instant at) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                update.set("updatedAt", at).set("updatedBy", by),
                FindAndModifyOptions.options().returnNew(true), StaffAccount.class));
    }

    void signedIn(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("failedLogins", 0).set("lockouts", 0).unset("lockedUntil"), StaffAccount.class);
    }
}
