package org.unionplatform.membership.transfer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.MembershipTransferRequested;

// Over 200 lines: nineteen stored fields and their accessors; the rules are the five transition methods.
/**
 * A request to move a member to another union; kept after it is decided, as history. The move needs two yeses
 * before {@code expiresAt}: the receiving union's (given at once when it asked itself) and the member's own, from
 * their session. The sending union is told ({@code membership.transfer-requested}) and has no say: gig workers
 * change platforms often, and the member's consent is what protects them. Only a requested transfer changes, once
 * (409 otherwise); one past its expiry turns {@code EXPIRED} at the next attempt. The member's own move (and its
 * {@code membership.transferred}) is the member's.
 */
@Document("transfers")
@CompoundIndexes({
    // Counting a subtree's transfers (a path prefix, a range).
    @CompoundIndex(name = "from_path", def = "{'fromOrgPath': 1, 'requestedAt': -1}"),
    @CompoundIndex(name = "to_path", def = "{'toOrgPath': 1, 'requestedAt': -1}"),
    // Lists sort newest first then by _id; a subtree (a path prefix) is a range, after the sort.
    @CompoundIndex(name = "from_path_by_time", def = "{'requestedAt': -1, '_id': 1, 'fromOrgPath': 1}"),
    @CompoundIndex(name = "to_path_by_time", def = "{'requestedAt': -1, '_id': 1, 'toOrgPath': 1}"),
    @CompoundIndex(name = "member_by_time", def = "{'memberId': 1, 'requestedAt': -1, '_id': 1}"),
    // The member's data export reads oldest first.
    @CompoundIndex(name = "member_oldest_first", def = "{'memberId': 1, 'requestedAt': 1, '_id': 1}")
})
class Transfer extends OutboxAggregate {

    enum Status {
        /** Waiting for the receiving union, the member, or both. */
        REQUESTED,
        /** Both agreed: the member moved. */
        COMPLETED,
        /** The receiving union said no. */
        DECLINED,
        /** The member said no. */
        REFUSED,
        /** Nobody finished it in time. */
        EXPIRED
    }

    @Id
    private final String id;
    private final String memberId;
    private final String fromOrganizationId;
    private final String fromOrgPath;
    private final String toOrganizationId;
    private final String toOrganizationName;
    private final String toOrgPath;
    private final String platform;
    private final String divisionCode;
    private final String reason;
    private final String requestedBy;
    private final Instant requestedAt;
    private final Instant expiresAt;
    private Status status;
    private String acceptedBy;
    private Instant acceptedAt;
    private Instant consentedAt;
    private Instant decidedAt;
    private String declineReason;
    @Version
    private Long version;

    @PersistenceCreator
    Transfer(String id, String memberId, String fromOrganizationId, String fromOrgPath, String toOrganizationId,
            String toOrganizationName, String toOrgPath, String platform, String divisionCode, String reason,
            String requestedBy, Instant requestedAt, Instant expiresAt, Status status, String acceptedBy,
            Instant acceptedAt, Instant consentedAt, Instant decidedAt, String declineReason, Long version) {
        this.id = id;
        this.memberId = memberId;
        this.fromOrganizationId = fromOrganizationId;
        this.fromOrgPath = fromOrgPath;
        this.toOrganizationId = toOrganizationId;
        this.toOrganizationName = toOrganizationName;
        this.toOrgPath = toOrgPath;
        this.platform = platform;
        this.divisionCode = divisionCode;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
        this.consentedAt = consentedAt;
        this.decidedAt = decidedAt;
        this.declineReason = declineReason;
        this.version = version;
    }

    /** Where the member is now and where they would go. */
    record Sides(String memberId, String fromOrganizationId, String fromOrgPath, String toOrganizationId,
            String toOrganizationName, String toOrgPath) {
    }

    /**
     * A new request to move the member, who would then work on {@code platform} in {@code divisionCode}; the
     * sending union is told. {@code byReceivingSide}: the receiving union asked, so its yes is given.
     */
    static Transfer request(String id, Sides sides, String platform, String divisionCode, String reason,
            String by, boolean byReceivingSide, Instant now, Instant expiresAt) {
        if (sides.fromOrganizationId().equals(sides.toOrganizationId())) {
            throw new ConflictException("The member already belongs to " + sides.toOrganizationId() + ".");
        }
        Transfer transfer = new Transfer(id, sides.memberId(), sides.fromOrganizationId(), sides.fromOrgPath(),
                sides.toOrganizationId(), sides.toOrganizationName(), sides.toOrgPath(), platform, divisionCode,
                reason, by, now, expiresAt, Status.REQUESTED, byReceivingSide ? by : null,
                byReceivingSide ? now : null, null, null, null, null);
        transfer.registerEvent(new MembershipTransferRequested(id, sides.memberId(), sides.fromOrganizationId(),
                sides.fromOrgPath(), sides.toOrganizationId(), sides.toOrgPath(), now, expiresAt));
        return transfer;
    }

    /** The receiving union agrees; answers whether the member can now be moved (they consented already). */
    boolean accept(String by, Instant now) {
        requireOpen(now);
        if (acceptedAt != null) {
            throw new ConflictException("Transfer " + id + " is already accepted by the receiving union.");
        }
        acceptedBy = by;
        acceptedAt = now;
        return completeIfAgreed(now);
    }

    /** The member agrees; answers whether the member can now be moved (the receiving union agreed already). */
    boolean consent(Instant now) {
        requireOpen(now);
        if (consentedAt != null) {
            throw new ConflictException("Transfer " + id + " already has the member's consent.");
        }
        consentedAt = now;
        return completeIfAgreed(now);
    }

    void decline(String by, Instant now, String why) {
        requireOpen(now);
        status = Status.DECLINED;
        acceptedBy = by;
        decidedAt = now;
        declineReason = why;
    }

    /** The member says no; their reason is theirs to give or not. */
    void refuse(Instant now, String why) {
        requireOpen(now);
        status = Status.REFUSED;
        decidedAt = now;
        declineReason = why;
    }

    /** Turns a requested transfer past its expiry into EXPIRED; answers whether it did. */
    boolean expireIfDue(Instant now) {
        if (status == Status.REQUESTED && !now.isBefore(expiresAt)) {
            status = Status.EXPIRED;
            decidedAt = expiresAt;
            return true;
        }
        return false;
    }

    /** The status as of {@code now}: a requested transfer past its expiry reads EXPIRED before anyone touches it. */
    Status statusAt(Instant now) {
        return status == Status.REQUESTED && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    private boolean completeIfAgreed(Instant now) {
        if (acceptedAt != null && consentedAt != null) {
            status = Status.COMPLETED;
            decidedAt = now;
            return true;
        }
        return false;
    }

    /** Fails with 409 unless the transfer still waits and has not expired (call {@link #expireIfDue} first). */
    private void requireOpen(Instant now) {
        if (statusAt(now) != Status.REQUESTED) {
            throw new ConflictException("Transfer " + id + " is already " + statusAt(now) + ".");
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

    String platform() {
        return platform;
    }

    String divisionCode() {
        return divisionCode;
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

    Instant expiresAt() {
        return expiresAt;
    }

    Status status() {
        return status;
    }

    String acceptedBy() {
        return acceptedBy;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant consentedAt() {
        return consentedAt;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String declineReason() {
        return declineReason;
    }
}
