package org.unionplatform.common.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.unionplatform.common.web.RequestIds;

/**
 * The append-only audit log ({@value AuditRecord#COLLECTION}). It can only insert and read: there is
 * deliberately no update or delete here, and nothing else in the platform writes that collection.
 */
public class AuditTrail {

    static final String ANONYMOUS = "anonymous";

    private final MongoOperations mongo;
    private final Clock clock;

    public AuditTrail(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an action of the current caller (the token subject, or {@code anonymous}). */
    public AuditRecord record(String action, String target, AuditOutcome outcome, Map<String, String> details) {
        return record(currentActor(), action, target, outcome, details);
    }

    /** Records an action of a named actor, e.g. the account attempting to sign in. */
    public AuditRecord record(String actor, String action, String target, AuditOutcome outcome,
            Map<String, String> details) {
        AuditRecord entry = new AuditRecord(UUID.randomUUID().toString(), clock.instant(), actor, action, target,
                RequestIds.current(), outcome, details);
        return mongo.insert(entry);
    }

    /** Newest first, filtered in the query itself. */
    public Page<AuditRecord> search(AuditQuery filter, Pageable page) {
        List<Criteria> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add(Criteria.where("actor").is(filter.actor()));
        }
        if (filter.action() != null) {
            conditions.add(Criteria.where("action").is(filter.action()));
        }
        if (filter.target() != null) {
            conditions.add(Criteria.where("target").is(filter.target()));
        }
        if (filter.outcome() != null) {
            conditions.add(Criteria.where("outcome").is(filter.outcome()));
        }
        if (filter.from() != null) {
            conditions.add(Criteria.where("at").gte(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(Criteria.where("at").lt(filter.to()));
        }
        Query query = conditions.isEmpty() ? new Query()
                : Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
        long total = mongo.count(query, AuditRecord.class);
        Pageable ordered = Pageable.ofSize(page.getPageSize()).withPage(page.getPageNumber());
        List<AuditRecord> items = mongo.find(query.with(ordered)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))), AuditRecord.class);
        return new PageImpl<>(items, ordered, total);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                ? ANONYMOUS : authentication.getName();
    }
}
