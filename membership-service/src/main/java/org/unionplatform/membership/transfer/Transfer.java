package org.unionplatform.membership.transfer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.ConflictException;

/**
 * A request to move a member to another union; kept after it is decided, as history. Only a requested transfer
 * can be accepted or declined, once (409 otherwise). The member's own move (and its event) is the member's.
 */
@Document("transfers")
class Transfer {

    enum Status {
        REQUESTED, ACCEPTED, DECLINED
    }

    @Id
    private final String id;
    private final String memberId;
    private final String fromOrganizationId;
    private final String fromOrgPath;
    private final String toOrganizationId;
    private final String toOrganizationName;
    private final String toOrgPath;
    private final String reason;
    private final String requestedBy;
    private final Instant requestedAt;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String declineReason;
    @Version
    private Long version;

    @PersistenceCreator
    Transfer(String id, String memberId, String fromOrganizationId, String fromOrgPath, String toOrganizationId,
            String toOrganizationName, String toOrgPath, String reason, String requestedBy, Instant requestedAt,
            Status status, String decidedBy, Instant decidedAt, String declineReason, Long version) {
        this.id = id;
        this.memberId = memberId;
        this.fromOrganizationId = fromOrganizationId;
        this.fromOrgPath = fromOrgPath;
        this.toOrganizationId = toOrganizationId;
        this.toOrganizationName = toOrganizationName;
        this.toOrgPath = toOrgPath;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.declineReason = declineReason;
        this.version = version;
    }

    /** A new request to move the member from where they are now to {@code to...}. */
    static Transfer request(String id, String memberId, String fromOrganizationId, String fromOrgPath,
            String toOrganizationId, String toOrganizationName, String toOrgPath, String reason, String by,
            Instant now) {
        if (fromOrganizationId.equals(toOrganizationId)) {
            throw new ConflictException("The member already belongs to " + toOrganizationId + ".");
        }
        return new Transfer(id, memberId, fromOrganizationId, fromOrgPath, toOrganizationId, toOrganizationName,
                toOrgPath, reason, by, now, Status.REQUESTED, null, null, null, null);
    }

    /** The receiving side agrees; call before moving the member, so a decided transfer moves nobody. */
    void accept(String by, Instant now) {
        requireRequested();
        status = Status.ACCEPTED;
        decidedBy = by;
        decidedAt = now;
    }

    void decline(String by, Instant now, String why) {
        requireRequested();
        status = Status.DECLINED;
        decidedBy = by;
        decidedAt = now;
        declineReason = why;
    }

    /** Fails with 409 unless the transfer still waits for its decision. */
    void requireRequested() {
        if (status != Status.REQUESTED) {
            throw new ConflictException("Transfer " + id + " is already " + status + ".");
        }
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String fromOrganizationId() {
        return fromOrganizationId;
    }

    String fromOrgPath() {
        return fromOrgPath;
    }

    String toOrganizationId() {
        return toOrganizationId;
    }

    String toOrganizationName() {
        return toOrganizationName;
    }

    String toOrgPath() {
        return toOrgPath;
    }

    String reason() {
        return reason;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Status status() {
        return status;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String declineReason() {
        return declineReason;
    }
}
