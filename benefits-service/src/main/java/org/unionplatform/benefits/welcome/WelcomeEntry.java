package org.unionplatform.benefits.welcome;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.common.web.ConflictException;

/**
 * A new member's place in a welcome-pack program's queue. One per member ({@code _id = welcome|memberId}), which
 * is what makes a redelivered {@code membership.approved} give no second pack. Served in {@code queuedAt} order:
 * WAITING, then SERVED once its pack (grant id {@code welcome-<memberId>}) exists.
 */
@CompoundIndex(name = "programId_status_queuedAt", def = "{'programId': 1, 'status': 1, 'queuedAt': 1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@Document("welcome_queue")
record WelcomeEntry(@Id String id, String memberId, String programId, String organizationId, String orgPath,
        String workerType, String gender, Instant queuedAt, String grantId, Status status, Instant servedAt) {

    enum Status { WAITING, SERVED }

    static String idOf(String memberId) {
        return "welcome|" + memberId;
    }

    /** The new member waits for a pack of {@code programId} from {@code queuedAt} on. */
    static WelcomeEntry waiting(MembershipApproved approved, String programId, Instant queuedAt) {
        return new WelcomeEntry(idOf(approved.memberId()), approved.memberId(), programId, approved.organizationId(),
                approved.orgPath(), approved.workerType(), approved.gender(), queuedAt,
                "welcome-" + approved.memberId(), Status.WAITING, null);
    }

    boolean isWaiting() {
        return status == Status.WAITING;
    }

    /** The entry once its pack is given; a member is served once (409 for an entry served already). */
    WelcomeEntry served(Instant at) {
        if (!isWaiting()) {
            throw new ConflictException("Member " + memberId + " has had a welcome pack already.");
        }
        return new WelcomeEntry(id, memberId, programId, organizationId, orgPath, workerType, gender, queuedAt, grantId,
                Status.SERVED, at);
    }
}
