package org.unionplatform.membership.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.web.BusinessRuleViolationException;
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
    @CompoundIndex(name = "waiting", def = "{'status': 1, 'nextDispatchAt': 1}"),
    @CompoundIndex(name = "escalated", def = "{'escalatedToOrgPath': 1, 'status': 1, 'submittedAt': 1}"),
    // Lists sort by submittedAt then _id; a subtree (a path prefix) is a range, so it comes after the sort.
    @CompoundIndex(name = "by_time", def = "{'submittedAt': 1, '_id': 1, 'orgPath': 1}"),
    @CompoundIndex(name = "status_by_time", def = "{'status': 1, 'submittedAt': 1, '_id': 1, 'orgPath': 1}"),
    @CompoundIndex(name = "reassignment_queue",
            def = "{'status': 1, 'submittedAt': 1, '_id': 1, 'escalatedToOrgPath': 1}"),
    @CompoundIndex(name = "member_by_time", def = "{'memberId': 1, 'submittedAt': 1, '_id': 1}"),
    @CompoundIndex(name = "applicant_by_time", def = "{'worker.residentId.lookupHash': 1, 'submittedAt': 1, '_id': 1}"),
    // Joins by channel: the applications a channel brought into a subtree.
    @CompoundIndex(name = "channel_in_subtree", def = "{'channel': 1, 'orgPath': 1}")
})
public class Application extends OutboxAggregate {

    /** The dispatch rule of an application in a federation's re-assignment queue. */
    static final String REASSIGNMENT = "REASSIGNMENT";
    /** The dispatch rule of an application a federation's organizer handed to a union. */
    static final String REASSIGNED = "REASSIGNED";

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
    private String dispatchReason;
    private String reassignedBy;
    private String residentIdNote;
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
    /** What brought the applicant (station:<id>, activity:<id>, campaign:<code>), or null; set once at submission. */
    private String channel;
    static final String STATION_CHANNEL = "station:";
    @Version
    private Long version;

    @PersistenceCreator
    Application(String id, Worker worker, String submittedBy, Instant submittedAt, ApplicationStatus status,
            String openApplicantKey, String organizationId, String organizationName, String orgPath,
            String dispatchRule, String dispatchReason, String reassignedBy, String residentIdNote,
            int dispatchAttempts, Instant nextDispatchAt, String dispatchProblem,
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
        this.dispatchReason = dispatchReason;
        this.reassignedBy = reassignedBy;
        this.residentIdNote = residentIdNote;
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

    /**
     * @param residentIdNote what the staff should know about the resident ID (a retired region code), or null
     * @param channel        what brought the applicant (station:<id>, activity:<id>, campaign:<code>), or null
     */
    static Application submit(String id, Worker worker, String residentIdNote, String submittedBy, Instant now,
            Instant firstRoundAt, String channel) {
        Application application = new Application(id, worker, submittedBy, now, ApplicationStatus.AWAITING_DISPATCH,
                worker.residentIdHash(), null, null, null, null, null, null, residentIdNote, 0, firstRoundAt, null,
                null, null, null, null, null, null, null, null);
        application.channel = channel;
        application.registerEvent(new MembershipApplied(id, worker.workerType(), worker.divisionCode(), now));
        return application;
    }

    public String channel() {
        return channel;
    }

    /** @param reason why this union, as organization-service said it (Chinese) */
    void dispatchedTo(Union union, String rule, String reason, Instant now) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        status = ApplicationStatus.PENDING_APPROVAL;
        placeAt(union, rule, reason);
        dispatchedAt = now;
        dispatchAttempts++;
        nextDispatchAt = null;
        dispatchProblem = null;
    }

    /** No union that admits matched: the federation's re-assignment queue takes it. */
    void awaitReassignment(Union federation, String reason, Instant now) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        status = ApplicationStatus.AWAITING_REASSIGNMENT;
        placeAt(federation, REASSIGNMENT, reason);
        dispatchedAt = now;
        dispatchAttempts++;
        nextDispatchAt = null;
        dispatchProblem = null;
    }

    /**
     * A federation's organizer hands the application from its re-assignment queue to a union below the
     * federation (422 {@code reassign-below} otherwise); the union's own wait starts now.
     */
    void reassign(Union union, String reason, String by, Instant now) {
        String queue = reassignmentQueue().orElseThrow(() -> new ConflictException("Application " + id + " is "
                + status + " and in no re-assignment queue."));
        if (!union.orgPath().startsWith(queue) || union.orgPath().equals(queue)
                || union.organizationId().equals(organizationId)) {
            throw new BusinessRuleViolationException("reassign-below", "An application is re-assigned to another"
                    + " union below the federation whose queue it is in.").with("field", "organizationId");
        }
        String from = status == ApplicationStatus.AWAITING_REASSIGNMENT ? organizationName : null;
        status = ApplicationStatus.PENDING_APPROVAL;
        placeAt(union, REASSIGNED, (from == null ? "逾期未处理，" : from) + "重新分派：" + reason);
        reassignedBy = by;
        dispatchedAt = now;
        escalatedAt = null;
        escalatedToOrgPath = null;
    }

    /**
     * The path of the federation whose re-assignment queue holds the application: where it waits when no union
     * matched, or where it was escalated while its union still holds it.
     */
    Optional<String> reassignmentQueue() {
        if (status == ApplicationStatus.AWAITING_REASSIGNMENT) {
            return Optional.of(orgPath);
        }
        return status == ApplicationStatus.PENDING_APPROVAL && escalatedAt != null
                ? Optional.of(escalatedToOrgPath) : Optional.empty();
    }

    /** organization-service refused the details as invalid: a final answer, the person may apply again. */
    void refuse(String problem, Instant now) {
        requireStatus(ApplicationStatus.AWAITING_DISPATCH);
        status = ApplicationStatus.REFUSED;
        dispatchProblem = problem;
        dispatchAttempts++;
        nextDispatchAt = null;
        decidedAt = now;
        decidedBy = "organization-service";
        openApplicantKey = null;
    }

    private void placeAt(Union organization, String rule, String reason) {
        organizationId = organization.organizationId();
        organizationName = organization.name();
        orgPath = organization.orgPath();
        dispatchRule = rule;
        dispatchReason = reason;
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

    /**
     * Left unhandled by its union too long: the application also enters the re-assignment queue of the
     * federation above it (the county-level one where known); the union may still decide it meanwhile.
     */
    boolean escalate(Union federation, Instant now) {
        if (status != ApplicationStatus.PENDING_APPROVAL || escalatedAt != null) {
            return false;
        }
        escalatedAt = now;
        escalatedToOrgPath = federation.orgPath();
        return true;
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

    public String dispatchReason() {
        return dispatchReason;
    }

    public String reassignedBy() {
        return reassignedBy;
    }

    public String residentIdNote() {
        return residentIdNote;
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

    /** The station the worker joined at (a Drivers' Home's QR code), or null: dispatch sends them to its union. */
    public String stationId() {
        return channel != null && channel.startsWith(STATION_CHANNEL) ? channel.substring(STATION_CHANNEL.length())
                : null;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String escalatedToOrgPath() {
        return escalatedToOrgPath;
    }
}
