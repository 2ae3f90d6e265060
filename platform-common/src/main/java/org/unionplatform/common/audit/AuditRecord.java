package org.unionplatform.common.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only audit log. Written once by {@link AuditTrail}, never changed.
 *
 * @param actor     who acted: the token subject, or {@code anonymous} / the attempted account for sign-ins
 * @param action    what happened, e.g. {@code LOGIN_FAILED}, {@code ACCOUNT_CREATED}
 * @param target    what it was done to, e.g. {@code account:alice}
 * @param requestId the request that did it (ties the entry to the logs)
 * @param details   a few plain facts (never a password, token or personal data value)
 */
@CompoundIndex(name = "action_at", def = "{'action': 1, 'at': -1, '_id': -1}")
@CompoundIndex(name = "target_at", def = "{'target': 1, 'at': -1, '_id': -1}")
@Document(AuditRecord.COLLECTION)
// "Is this step audited already?": services that finish a step after a crash write its entry once (benefits-service).
@CompoundIndex(name = "target_action", def = "{'target': 1, 'action': 1}")
public record AuditRecord(@Id String id, @Indexed Instant at, String actor, String action, String target,
        String requestId, AuditOutcome outcome, Map<String, String> details) {

    public static final String COLLECTION = "audit_log";

    public AuditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
