package org.unionplatform.benefits.welcome;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.common.web.ConflictException;

/**
 * A new member's place in the welcome-pack queue. One per member ({@code _id = welcome|memberId}), which is what
 * makes a redelivered {@code membership.approved} give no second pack. Served in {@code queuedAt} order: WAITING
 * on one program (moved to the next open one if that program closes), then SERVED once, by whichever program
 * gave its pack (grant id {@code welcome-<memberId>}). The store applies each transition conditionally on the
 * state checked here, so of two instances acting on one entry only one changes it.
 */
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@Document("welcome_queue")
@CompoundIndex(name = "program_waiting_order", def = "{'programId': 1, 'status': 1, 'queuedAt': 1, '_id': 1}")
// The waiting list as officers read it: by status in queue order, a subtree (a path prefix, a range) after it.
@CompoundIndex(name = "status_waiting_order", def = "{'status': 1, 'queuedAt': 1, '_id': 1, 'orgPath': 1}")
record WelcomeEntry(@Id String id, String memberId, String programId, String organizationId, String orgPath,
        String workerType, String gender, Instant queuedAt, String grantId, Status status, Instant servedAt) {

    enum Status { WAITING, SERVED }

    private static final String PACK_PREFIX = "welcome-";

    static String idOf(String memberId) {
        return "welcome|" + memberId;
    }

    /** The entry of the member whose pack has this grant id. */
    static String idOfPack(String grantId) {
        return idOf(grantId.substring(PACK_PREFIX.length()));
    }

    /** The new member waits for a pack of {@code programId} from {@code queuedAt} on. */
    static WelcomeEntry waiting(MembershipApproved approved, String programId, Instant queuedAt) {
        return new WelcomeEntry(idOf(approved.memberId()), approved.memberId(), programId, approved.organizationId(),
                approved.orgPath(), approved.workerType(), approved.gender(), queuedAt,
                PACK_PREFIX + approved.memberId(), Status.WAITING, null);
    }

    boolean isWaiting() {
        return status == Status.WAITING;
    }

    /**
     * The entry once its pack is given, by {@code byProgramId} (which may differ from the program it waited on when
     * a concurrent move raced the serving); a member is served once (409 for an entry served already).
     */
    WelcomeEntry served(String byProgramId, Instant at) {
        requireWaiting();
        return new WelcomeEntry(id, memberId, byProgramId, organizationId, orgPath, workerType, gender, queuedAt,
                grantId, Status.SERVED, at);
    }

    /** The entry waiting on another program, keeping its place ({@code queuedAt}); only a waiting entry moves. */
    WelcomeEntry movedTo(String otherProgramId) {
        requireWaiting();
        if (otherProgramId.equals(programId)) {
            throw new IllegalArgumentException("Entry " + id + " waits on " + programId + " already.");
        }
        return new WelcomeEntry(id, memberId, otherProgramId, organizationId, orgPath, workerType, gender, queuedAt,
                grantId, Status.WAITING, null);
    }

    private void requireWaiting() {
        if (!isWaiting()) {
            throw new ConflictException("Member " + memberId + " has had a welcome pack already.");
        }
    }
}
