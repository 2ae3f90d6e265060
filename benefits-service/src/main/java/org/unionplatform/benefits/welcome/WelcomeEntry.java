package org.unionplatform.benefits.welcome;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A new member's place in a welcome-pack program's queue. One per member ({@code _id = welcome|memberId}), which
 * is what makes a redelivered {@code membership.approved} give no second pack. Served in {@code queuedAt} order.
 */
@Document("welcome_queue")
record WelcomeEntry(@Id String id, String memberId, String programId, String organizationId, String orgPath,
        String workerType, String gender, Instant queuedAt, String grantId, String status, Instant servedAt) {

    static final String WAITING = "WAITING";
    static final String SERVED = "SERVED";

    static String idOf(String memberId) {
        return "welcome|" + memberId;
    }
}
