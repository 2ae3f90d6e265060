package org.unionplatform.membership.help;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.HelpCaseClosed;
import org.unionplatform.membership.events.HelpCaseOpened;
import org.unionplatform.membership.member.Union;

// Over 200 lines: the stored fields and their accessors; the rules are the transition methods at the top.
/**
 * A worker's request for help, with the union responsible for it. The steps go FILED -> ACCEPTED -> INVESTIGATING
 * -> MEDIATION -> CLOSED, never backwards and never skipping (409); closing as resolved or referred is possible from
 * investigating or mediation, a withdrawal from any open step. Every step starts the deadline of the next
 * ({@code dueAt}); a missed one escalates the case to the federation above once per step, and a resolution counts
 * as within the deadline only if no step was missed. The worker's contact phone is encrypted; what the handlers
 * write in {@code notes} is never shown to the worker.
 */
@Document("help_cases")
@CompoundIndexes({
    // The handlers' queue, newest first, a subtree (a path prefix) after the sort; with a status filter.
    @CompoundIndex(name = "path_by_time", def = "{'openedAt': -1, '_id': 1, 'orgPath': 1}"),
    @CompoundIndex(name = "status_path_by_time", def = "{'status': 1, 'openedAt': -1, '_id': 1, 'orgPath': 1}"),
    // Counting a subtree's cases (a path prefix, a range), with or without a status.
    @CompoundIndex(name = "path_count", def = "{'orgPath': 1, 'openedAt': -1}"),
    @CompoundIndex(name = "status_path_count", def = "{'status': 1, 'orgPath': 1}"),
    @CompoundIndex(name = "escalated_path_count", def = "{'escalatedToOrgPath': 1, 'escalatedAt': -1}"),
    // Escalated cases, shown to the federation they went to.
    @CompoundIndex(name = "escalated_by_time", def = "{'escalatedAt': -1, '_id': 1, 'escalatedToOrgPath': 1}"),
    // The sweeper: cases past their step's deadline, not yet escalated for it (a closed case has no dueAt).
    @CompoundIndex(name = "overdue", def = "{'escalatedAt': 1, 'dueAt': 1}"),
    // The worker's own cases: by member, or by the verified phone's keyed hash.
    @CompoundIndex(name = "member_by_time", def = "{'memberId': 1, 'openedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "seeker_by_time", def = "{'seekerPhoneHash': 1, 'openedAt': -1, '_id': 1}")
})
class HelpCase extends OutboxAggregate {

    /** Who filed and how to reach them; the phone encrypted with its keyed hash and mask. */
    record Contact(String name, ProtectedMobilePhone phone, String howToReach) {
    }

    /** What the worker says happened. */
    record Account(CaseKind kind, String company, String platform, String workerType, String divisionCode,
            String description) {
    }

    /** One step of the case's history: {@code what} is a status, ESCALATED, REFERRED_TO_LEGAL_AID or INFORMATION_ADDED. */
    record Step(String what, Instant at, String by, String organizationName, String note) {
    }

    /** A meeting with the company or platform and what came of it. */
    record Meeting(String id, Instant heldAt, String counterparty, String outcome, String recordedBy,
            Instant recordedAt) {
    }

    /** The handlers' own note: never shown to the worker. */
    record Note(Instant at, String by, String text) {
    }

    /** What the worker added after filing. */
    record Addition(Instant at, String text) {
    }

    /** A photo or document stored with the case ({@link Attachments}). */
    record AttachmentRef(String id, String fileName, String contentType, long size, Instant uploadedAt,
            boolean fromWorker) {
    }

    /** The county-level federation's legal aid the case was referred to. */
    record Referral(String organizationId, String organizationName, String orgPath, String reason, String by,
            Instant at) {
    }

    static final String WORKER = "WORKER";

    @Id
    private final String id;
    private final Account account;
    private final Contact contact;
    private final String memberId;
    private final String seekerPhoneHash;
    private final String organizationId;
    private final String organizationName;
    private final String orgPath;
    private final String dispatchReason;
    private final Instant openedAt;
    private CaseStatus status;
    private CaseOutcome outcome;
    private long amountRecoveredFen;
    private Instant dueAt;
    private Instant escalatedAt;
    private String escalatedToOrganizationId;
    private String escalatedToOrganizationName;
    private String escalatedToOrgPath;
    private int escalations;
    private Referral referral;
    private Instant closedAt;
    private Boolean resolvedWithinDeadline;
    private final List<Step> steps;
    private final List<Meeting> meetings;
    private final List<Note> notes;
    private final List<Addition> additions;
    private final List<AttachmentRef> attachments;
    @Version
    private Long version;

    @PersistenceCreator
    HelpCase(String id, Account account, Contact contact, String memberId, String seekerPhoneHash,
            String organizationId, String organizationName, String orgPath, String dispatchReason, Instant openedAt,
            CaseStatus status, CaseOutcome outcome, long amountRecoveredFen, Instant dueAt, Instant escalatedAt,
            String escalatedToOrganizationId, String escalatedToOrganizationName, String escalatedToOrgPath,
            int escalations, Referral referral, Instant closedAt, Boolean resolvedWithinDeadline, List<Step> steps,
            List<Meeting> meetings, List<Note> notes, List<Addition> additions, List<AttachmentRef> attachments,
            Long version) {
        this.id = id;
        this.account = account;
        this.contact = contact;
        this.memberId = memberId;
        this.seekerPhoneHash = seekerPhoneHash;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.dispatchReason = dispatchReason;
        this.openedAt = openedAt;
        this.status = status;
        this.outcome = outcome;
        this.amountRecoveredFen = amountRecoveredFen;
        this.dueAt = dueAt;
        this.escalatedAt = escalatedAt;
        this.escalatedToOrganizationId = escalatedToOrganizationId;
        this.escalatedToOrganizationName = escalatedToOrganizationName;
        this.escalatedToOrgPath = escalatedToOrgPath;
        this.escalations = escalations;
        this.referral = referral;
        this.closedAt = closedAt;
        this.resolvedWithinDeadline = resolvedWithinDeadline;
        this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
        this.meetings = meetings == null ? new ArrayList<>() : new ArrayList<>(meetings);
        this.notes = notes == null ? new ArrayList<>() : new ArrayList<>(notes);
        this.additions = additions == null ? new ArrayList<>() : new ArrayList<>(additions);
        this.attachments = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
        this.version = version;
    }

    /** A new case with the union responsible; {@code help-case.opened} tells the member's timeline and the figures. */
    static HelpCase file(String id, Account account, Contact contact, String memberId, String seekerPhoneHash,
            Union union, String dispatchReason, Instant now, Duration deadline) {
        HelpCase filed = new HelpCase(id, account, contact, memberId, seekerPhoneHash, union.organizationId(),
                union.name(), union.orgPath(), dispatchReason, now, CaseStatus.FILED, null, 0,
                now.plus(deadline), null, null, null, null, 0, null, null, null, null, null, null, null, null, null);
        filed.steps.add(new Step(CaseStatus.FILED.name(), now, WORKER, union.name(), null));
        filed.registerEvent(new HelpCaseOpened(id, account.kind().name(), union.organizationId(), union.orgPath(),
                memberId, account.platform(), now));
        return filed;
    }

    /** The union takes the case up. */
    void accept(String by, Instant now, Duration nextDeadline) {
        advance(CaseStatus.FILED, CaseStatus.ACCEPTED, by, null, now, nextDeadline);
    }

    void investigate(String by, String note, Instant now, Duration nextDeadline) {
        advance(CaseStatus.ACCEPTED, CaseStatus.INVESTIGATING, by, note, now, nextDeadline);
    }

    /** Investigation done: meetings with the company or platform follow. */
    void mediate(String by, String note, Instant now, Duration nextDeadline) {
        advance(CaseStatus.INVESTIGATING, CaseStatus.MEDIATION, by, note, now, nextDeadline);
    }

    /** Records a meeting held during mediation (409 at another step; 422 for a meeting still to come). */
    Meeting recordMeeting(String meetingId, Instant heldAt, String counterparty, String meetingOutcome, String by,
            Instant now) {
        requireStatus(CaseStatus.MEDIATION, "record a meeting");
        if (heldAt.isAfter(now)) {
            throw new BusinessRuleViolationException("meeting-in-future",
                    "A meeting is recorded once it was held; " + heldAt + " is still to come.").with("field", "heldAt");
        }
        Meeting meeting = new Meeting(meetingId, heldAt, counterparty, meetingOutcome, by, now);
        meetings.add(meeting);
        return meeting;
    }

    /**
     * Closes the case. Resolved or referred only after investigation started (409 before), a resolution during
     * mediation only once a meeting was recorded (422), an amount only with a resolution or referral (422).
     */
    void close(CaseOutcome closing, long amountFen, String summary, String by, Instant now) {
        requireOpen("close");
        if (closing != CaseOutcome.WITHDRAWN && status != CaseStatus.INVESTIGATING && status != CaseStatus.MEDIATION) {
            throw new ConflictException("Case " + id + " is " + status + ": it is closed as " + closing
                    + " only after the investigation started.");
        }
        if (closing == CaseOutcome.WITHDRAWN && amountFen != 0) {
            throw new BusinessRuleViolationException("amount-needs-resolution",
                    "A withdrawn case recovers nothing.").with("field", "amountRecoveredFen");
        }
        if (closing == CaseOutcome.RESOLVED && status == CaseStatus.MEDIATION && meetings.isEmpty()) {
            throw new BusinessRuleViolationException("mediation-without-meeting",
                    "Record the meeting that settled the case before closing it as resolved.");
        }
        boolean inTime = escalations == 0 && !now.isAfter(dueAt);
        status = CaseStatus.CLOSED;
        outcome = closing;
        amountRecoveredFen = amountFen;
        closedAt = now;
        resolvedWithinDeadline = closing == CaseOutcome.RESOLVED && inTime;
        dueAt = null;
        clearEscalation();
        steps.add(new Step(CaseStatus.CLOSED.name() + ":" + closing.name(), now, by, organizationName, summary));
        registerEvent(new HelpCaseClosed(id, account.kind().name(), organizationId, orgPath, memberId,
                closing.name(), amountFen, resolvedWithinDeadline, openedAt, now));
    }

    /** The worker withdraws their own case. */
    void withdraw(String reason, Instant now) {
        close(CaseOutcome.WITHDRAWN, 0, reason, WORKER, now);
    }

    /** Refers the case to the county-level federation's legal aid, once (409 again or when closed). */
    void referToLegalAid(Union legalAid, String reason, String by, Instant now) {
        requireOpen("refer");
        if (referral != null) {
            throw new ConflictException("Case " + id + " was already referred to " + referral.organizationName() + ".");
        }
        referral = new Referral(legalAid.organizationId(), legalAid.name(), legalAid.orgPath(), reason,
                by, now);
        steps.add(new Step("REFERRED_TO_LEGAL_AID", now, by, legalAid.name(), reason));
    }

    /** The handlers' internal note; allowed on a closed case too (what happened afterwards). */
    void addNote(String by, String text, Instant now) {
        notes.add(new Note(now, by, text));
    }

    /** What the worker adds while the case is open (409 once closed). */
    void addInformation(String text, Instant now) {
        requireOpen("add information to");
        additions.add(new Addition(now, text));
        steps.add(new Step("INFORMATION_ADDED", now, WORKER, null, null));
    }

    /** A stored attachment joins the case; 409 once closed, 422 beyond {@code maxPerCase}. */
    void attach(AttachmentRef attachment, int maxPerCase) {
        requireRoomForAttachment(maxPerCase);
        attachments.add(attachment);
    }

    /** 409 once closed, 422 when the case holds {@code maxPerCase} files already. */
    void requireRoomForAttachment(int maxPerCase) {
        requireOpen("attach files to");
        if (attachments.size() >= maxPerCase) {
            throw new BusinessRuleViolationException("too-many-attachments",
                    "A case holds at most " + maxPerCase + " files.").with("field", "file");
        }
    }

    /**
     * The current step's deadline passed: the case goes to {@code federation} (once per step); answers whether it
     * did. The union keeps handling it; the federation sees it among its escalated cases.
     */
    boolean escalateIfOverdue(Union federation, Instant now) {
        if (status == CaseStatus.CLOSED || escalatedAt != null || dueAt == null || now.isBefore(dueAt)) {
            return false;
        }
        escalatedAt = now;
        escalatedToOrganizationId = federation.organizationId();
        escalatedToOrganizationName = federation.name();
        escalatedToOrgPath = federation.orgPath();
        escalations++;
        steps.add(new Step("ESCALATED", now, "system", federation.name(),
                "「" + label(status) + "」超过期限"));
        return true;
    }

    private void advance(CaseStatus from, CaseStatus to, String by, String note, Instant now, Duration nextDeadline) {
        requireStatus(from, "move to " + to);
        status = to;
        dueAt = now.plus(nextDeadline);
        clearEscalation();
        steps.add(new Step(to.name(), now, by, organizationName, note));
    }

    /** Back on time: the federation's escalated list no longer shows it (the step history keeps the escalation). */
    private void clearEscalation() {
        escalatedAt = null;
        escalatedToOrganizationId = null;
        escalatedToOrganizationName = null;
        escalatedToOrgPath = null;
    }

    private void requireStatus(CaseStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException("Case " + id + " is " + status + "; cannot " + what + " (only when "
                    + expected + ").");
        }
    }

    private void requireOpen(String what) {
        if (status == CaseStatus.CLOSED) {
            throw new ConflictException("Case " + id + " is closed; cannot " + what + " it.");
        }
    }

    private static String label(CaseStatus status) {
        return Map.of(CaseStatus.FILED, "受理", CaseStatus.ACCEPTED, "开始调查", CaseStatus.INVESTIGATING, "调查",
                CaseStatus.MEDIATION, "调解").getOrDefault(status, status.name());
    }

    String id() {
        return id;
    }

    Account account() {
        return account;
    }

    Contact contact() {
        return contact;
    }

    String memberId() {
        return memberId;
    }

    String seekerPhoneHash() {
        return seekerPhoneHash;
    }

    String organizationId() {
        return organizationId;
    }

    String organizationName() {
        return organizationName;
    }

    String orgPath() {
        return orgPath;
    }

    String dispatchReason() {
        return dispatchReason;
    }

    Instant openedAt() {
        return openedAt;
    }

    CaseStatus status() {
        return status;
    }

    CaseOutcome outcome() {
        return outcome;
    }

    long amountRecoveredFen() {
        return amountRecoveredFen;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    String escalatedToOrganizationId() {
        return escalatedToOrganizationId;
    }

    String escalatedToOrganizationName() {
        return escalatedToOrganizationName;
    }

    String escalatedToOrgPath() {
        return escalatedToOrgPath;
    }

    int escalations() {
        return escalations;
    }

    Referral referral() {
        return referral;
    }

    Instant closedAt() {
        return closedAt;
    }

    Boolean resolvedWithinDeadline() {
        return resolvedWithinDeadline;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<Meeting> meetings() {
        return List.copyOf(meetings);
    }

    List<Note> notes() {
        return List.copyOf(notes);
    }

    List<Addition> additions() {
        return List.copyOf(additions);
    }

    List<AttachmentRef> attachments() {
        return List.copyOf(attachments);
    }
}
