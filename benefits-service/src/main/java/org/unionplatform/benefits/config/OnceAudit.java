package org.unionplatform.benefits.config;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.common.audit.AuditTrail;

/**
 * Writes the audit entry of a step that a retry or the recovery sweep may finish after a crash: the entry is
 * written unless one for the same action and target exists, so a finished write is audited once, under the
 * actor who did it (not the sweep).
 */
@Component
public class OnceAudit {

    private final AuditTrail audit;
    private final MongoOperations mongo;

    OnceAudit(AuditTrail audit, MongoOperations mongo) {
        this.audit = audit;
        this.mongo = mongo;
    }

    public void record(String actor, String action, String target, Map<String, String> details) {
        if (!mongo.exists(Query.query(where("target").is(target).and("action").is(action)), AuditRecord.class)) {
            audit.record(actor, action, target, AuditOutcome.SUCCESS, details);
        }
    }
}
