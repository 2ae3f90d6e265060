package org.unionplatform.membership.application;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.MembershipApplied;
import org.unionplatform.membership.events.MembershipRejected;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.member.Worker;

// Over 200 lines: the stored fields and their accessors; the rules are the few transition methods.
/**
 * A request to join. While it is open, {@code openApplicantKey} holds the applicant's resident ID hash under a
 * unique sparse index: one open application per person, even under concurrent submissions. Closing it removes
 * the key (Spring Data does not write null fields).
 */
@Document("applications")
@CompoundIndexes({
    @CompoundIndex(name = "one_open_application", def = "{'openApplicantKey': 1}", unique = true, sparse = true),
    @CompoundIndex(name = "queue", def = "{'orgPath': 1, 'status': 1, 'submittedAt': 1}"),
    @CompoundIndex(name = "waiting", def = "{'status': 1, 'nextDispatchAt': 1}")
})
public class Application extends OutboxAggregate {

    @Id
    private final String id;
    private final Worker worker;
    private final String submittedBy;
    private final Instant submittedAt;
    private ApplicationStatus status;
    private String openApplicantKey;
    private String organizationId;
    private String organizationName;
    private String orgPath;
    private String dispatchRule;
    private int dispatchAttempts;
    private Instant nextDispatchAt;
    private String dispatchProblem;
    private Instant dispatchedAt;
    private Instant decidedAt;
    private String decidedBy;
    private String rejectionReason;
    private String memberId;
    private Instant escalatedAt;
    private String escalatedToOrgPath;
    @Version
    private Long version;

    @PersistenceCreator
    Application(String id, Worker worker, String submittedBy, Instant submittedAt, ApplicationStatus status,
            String openApplicantKey, String organizationId, String organizationName, String orgPath,
            String dispatchRule, int dispatchAttempts, Instant nextDispatchAt, String dispatchProblem,
            Instant dispatchedAt, Instant decidedAt, String decidedBy, String rejectionReason, String memberId,
            Instant escalatedAt, String escalatedToOrgPath, Long version) {
        this.id = id;
        this.worker = worker;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.status = status;
        this.openApplicantKey = openApplicantKey;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.dispatchRule = dispatchRule;
        this.dispatchAttempts = dispatchAttempts;
        this.nextDispatchAt = nextDispatchAt;
        this.dispatchProblem = dispatchProblem;
        this.dispatchedAt = dispatchedAt;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.rejectionReason = rejectionReason;
        this.memberId = memberId;
        this.escalatedAt = escalatedAt;
        this.escalatedToOrgPath = escalatedToOrgPath;
        this.version = version;
    }

    static Application submit(String id, Worker worker, String submittedBy, Instant now, Instant firstRoundAt) {
        Application application = new Application(id, worker, submittedBy, now, ApplicationStatus.AWAITING_DISPATCH,
                worker.residentIdHash(), null, null, null, null, 0, firstRoundAt, null, null, null, null, null, null, null, null,
                null);
        application.registerEvent(new MembershipApplied(id, worker.workerType(), worker.divisionCode(), now));
        return application;
    }

    void dispatchedTo(Union union, String rule, Instant now) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        status = ApplicationStatus.PENDING_APPROVAL;
        organizationId = union.organizationId();
        organizationName = union.name();
        orgPath = union.orgPath();
        dispatchRule = rule;
        dispatchedAt = now;
        dispatchAttempts++;
        nextDispatchAt = null;
        dispatchProblem = null;
    }

    /** Stays waiting; the next attempt comes after a pause that doubles with each failure, up to {@code max}. */
    void dispatchFailed(String problem, Instant now, Duration first, Duration max) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        dispatchAttempts++;
        dispatchProblem = problem;
        long factor = 1L << Math.min(dispatchAttempts - 1, 20);
        Duration pause = first.multipliedBy(factor);
        nextDispatchAt = now.plus(pause.compareTo(max) > 0 ? max : pause);
    }

    void approve(String newMemberId, String by, Instant now) {
        requireStatus(ApplicationStatus.PENDING_APPROVAL);
        status = ApplicationStatus.APPROVED;
        memberId = newMemberId;
        decidedBy = by;
        decidedAt = now;
        openApplicantKey = null;
    }

    /** The person turned out to be a member already (e.g. enrolled in bulk meanwhile): nothing more to decide. */
    void closeAsAlreadyMember(String existingMemberId, Instant now) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        status = ApplicationStatus.APPROVED;
        memberId = existingMemberId;
        decidedBy = "already-a-member";
        decidedAt = now;
        openApplicantKey = null;
        nextDispatchAt = null;
    }

    void reject(String reason, String by, Instant now) {
        requireStatus(ApplicationStatus.PENDING_APPROVAL);
        status = ApplicationStatus.REJECTED;
        rejectionReason = reason;
        decidedBy = by;
        decidedAt = now;
        openApplicantKey = null;
        registerEvent(new MembershipRejected(id, organizationId, orgPath, reason, now));
    }

    /** Flags an application left unhandled to the union's parent organisation. */
    boolean escalate(Instant now) {
        if (status != ApplicationStatus.PENDING_APPROVAL || escalatedAt != null) {
            return false;
        }
        escalatedAt = now;
        escalatedToOrgPath = parentPath(orgPath);
        return true;
    }

    static String parentPath(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        int cut = trimmed.lastIndexOf('/');
        return cut <= 0 ? path : trimmed.substring(0, cut + 1);
    }

    private void requireStatus(ApplicationStatus required) {
        if (status != required) {
            throw new ConflictException("Application " + id + " is " + status + ", not " + required + ".");
        }
    }

    public String id() {
        return id;
    }

    public Worker worker() {
        return worker;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public ApplicationStatus status() {
        return status;
    }

    public String organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    public String orgPath() {
        return orgPath;
    }

    public String dispatchRule() {
        return dispatchRule;
    }

    public int dispatchAttempts() {
        return dispatchAttempts;
    }

    public String dispatchProblem() {
        return dispatchProblem;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public String memberId() {
        return memberId;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String escalatedToOrgPath() {
        return escalatedToOrgPath;
    }
}
