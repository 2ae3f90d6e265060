package org.unionplatform.benefits.grant;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.BenefitGranted;
import org.unionplatform.benefits.events.BenefitRevoked;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * One benefit given to one member: who gave it, when, what. Its id is decided before anything is reserved,
 * and inserting the document is the commit point: whoever inserts that id first (the issuance as GRANTED, or
 * the recovery sweep as a CANCELLED tombstone) decides the outcome.
 */
@CompoundIndex(name = "memberId_grantedAt", def = "{'memberId': 1, 'grantedAt': -1, '_id': 1}")
@CompoundIndex(name = "grantedAt", def = "{'grantedAt': -1, '_id': 1}")
@CompoundIndex(name = "orgPath", def = "{'orgPath': 1}")
@CompoundIndex(name = "status_programId_orgPath", def = "{'status': 1, 'programId': 1, 'orgPath': 1}")
@CompoundIndex(name = "status_returned_revokedAt", def = "{'status': 1, 'returned': 1, 'revokedAt': 1}")
// One program's grants newest first (the list and its XLSX download filtered by program).
@CompoundIndex(name = "programId_grantedAt", def = "{'programId': 1, 'grantedAt': -1, '_id': 1, 'orgPath': 1}")
@Document("grants")
public class Grant extends OutboxAggregate {

    @Id
    private String id;
    @Version
    private Long version;
    private String programId;
    private String programName;
    private String kind;
    private String programOrgPath;
    private String memberId;
    /** A worker who is not a member (a program open to all workers): their name and protected phone. */
    private String workerName;
    private ProtectedMobilePhone workerPhone;
    private String workerType;
    private String organizationId;
    /** The member's organisation path: what scopes who may see this grant. */
    private String orgPath;
    private long amountFen;
    private long items;
    private String itemName;
    private String channel;
    private String note;
    private GrantStatus status;
    private String grantedBy;
    private Instant grantedAt;
    private String slot;
    private String revokedBy;
    private Instant revokedAt;
    private String revokeReason;
    private boolean returned;

    Grant() {
    }

    /** An issued grant, with its {@code benefit.granted} event in the same document write. */
    public static Grant granted(String id, Program program, MemberEligibility member, long amountFen, long items,
            String channel, String note, String by, Instant at, String slot) {
        Grant grant = new Grant();
        grant.id = id;
        grant.programId = program.id();
        grant.programName = program.name();
        grant.kind = program.kind();
        grant.programOrgPath = program.orgPath();
        grant.memberId = member.memberId();
        grant.workerType = member.workerType();
        grant.organizationId = member.organizationId();
        grant.orgPath = member.orgPath();
        grant.amountFen = amountFen;
        grant.items = items;
        grant.itemName = program.itemName();
        grant.channel = channel;
        grant.note = note;
        grant.status = GrantStatus.GRANTED;
        grant.grantedBy = by;
        grant.grantedAt = at;
        grant.slot = slot;
        grant.registerEvent(new BenefitGranted(id, program.id(), program.name(), program.kind(),
                member.memberId(), member.organizationId(), member.orgPath(), amountFen, items, at));
        return grant;
    }

    /**
     * An issued grant to a worker who is not a member: no member id, and the program's organisation scopes it.
     * {@code benefit.granted} carries no member id either, so no member timeline takes it.
     */
    static Grant grantedToWorker(String id, Program program, String name, ProtectedMobilePhone phone,
            String workerType, long amountFen, long items, String channel, String note, String by, Instant at,
            String slot) {
        Grant grant = new Grant();
        grant.id = id;
        grant.programId = program.id();
        grant.programName = program.name();
        grant.kind = program.kind();
        grant.programOrgPath = program.orgPath();
        grant.workerName = name;
        grant.workerPhone = phone;
        grant.workerType = workerType;
        grant.organizationId = program.organizationId();
        grant.orgPath = program.orgPath();
        grant.amountFen = amountFen;
        grant.items = items;
        grant.itemName = program.itemName();
        grant.channel = channel;
        grant.note = note;
        grant.status = GrantStatus.GRANTED;
        grant.grantedBy = by;
        grant.grantedAt = at;
        grant.slot = slot;
        grant.registerEvent(new BenefitGranted(id, program.id(), program.name(), program.kind(), null,
                program.organizationId(), program.orgPath(), amountFen, items, at));
        return grant;
    }

    /** The marker that an abandoned issuance of this id may never complete. */
    static Grant tombstone(String id, String programId, Instant at) {
        Grant grant = new Grant();
        grant.id = id;
        grant.programId = programId;
        grant.status = GrantStatus.CANCELLED;
        grant.grantedAt = at;
        return grant;
    }

    /**
     * Takes the grant back: only a GRANTED grant (422 {@code grant-status}), and only within the program's window
     * after issue (422 {@code revoke-window}). Giving the money and items back is the caller's next step.
     */
    void revoke(String by, String reason, Instant at, int revokeWindowDays) {
        if (status != GrantStatus.GRANTED) {
            throw new BusinessRuleViolationException("grant-status", "Only a GRANTED grant can be revoked.");
        }
        if (grantedAt.plus(Duration.ofDays(revokeWindowDays)).isBefore(at)) {
            throw new BusinessRuleViolationException("revoke-window",
                    "A grant can be revoked within " + revokeWindowDays + " days of issue.");
        }
        status = GrantStatus.REVOKED;
        revokedBy = by;
        revokedAt = at;
        revokeReason = reason;
        registerEvent(new BenefitRevoked(id, programId, memberId, amountFen, items, at));
    }

    public String id() { return id; }
    public String programId() { return programId; }
    public String programName() { return programName; }
    public String kind() { return kind; }
    public String programOrgPath() { return programOrgPath; }
    public String memberId() { return memberId; }
    public String workerName() { return workerName; }
    public ProtectedMobilePhone workerPhone() { return workerPhone; }
    public String workerType() { return workerType; }
    public String organizationId() { return organizationId; }
    public String orgPath() { return orgPath; }
    public long amountFen() { return amountFen; }
    public long items() { return items; }
    public String itemName() { return itemName; }
    public String channel() { return channel; }
    public String note() { return note; }
    public GrantStatus status() { return status; }
    public String grantedBy() { return grantedBy; }
    public Instant grantedAt() { return grantedAt; }
    public String slot() { return slot; }
    public String revokedBy() { return revokedBy; }
    public Instant revokedAt() { return revokedAt; }
    public String revokeReason() { return revokeReason; }
    public boolean returned() { return returned; }
}
