package org.unionplatform.membership.help;

import java.time.Instant;
import java.util.List;

/**
 * Help cases as clients see them. The handler's view has the steps with account names, the internal notes and the
 * contact phone masked; the worker's view has the steps with the union's name only (a staff account name may be a
 * person's name, not the worker's to see) and no notes.
 */
final class HelpCaseViews {

    private HelpCaseViews() {
    }

    record StepView(String what, Instant at, String by, String organizationName, String note) {
    }

    record MeetingView(String id, Instant heldAt, String counterparty, String outcome, String recordedBy) {
    }

    record NoteView(Instant at, String by, String text) {
    }

    record AdditionView(Instant at, String text) {
    }

    record AttachmentView(String id, String fileName, String contentType, long size, Instant uploadedAt,
            boolean fromWorker) {
    }

    record ReferralView(String organizationId, String organizationName, String reason, Instant at) {
    }

    record EscalationView(String organizationId, String organizationName, Instant at) {
    }

    /** One line of the handlers' queue. */
    record Summary(String id, CaseKind kind, String kindLabel, String company, String organizationId,
            String organizationName, CaseStatus status, CaseOutcome outcome, Instant openedAt, Instant dueAt,
            boolean overdue, EscalationView escalation, boolean member, long amountRecoveredFen) {

        static Summary of(HelpCase c, Instant now) {
            return new Summary(c.id(), c.account().kind(), c.account().kind().label(), c.account().company(),
                    c.organizationId(), c.organizationName(), c.status(), c.outcome(), c.openedAt(), c.dueAt(),
                    c.dueAt() != null && now.isAfter(c.dueAt()), escalationOf(c), c.memberId() != null,
                    c.amountRecoveredFen());
        }
    }

    /** The handler's whole case. */
    record HandlerView(String id, CaseKind kind, String kindLabel, String company, String platform,
            String workerType, String divisionCode, String description, String contactName, String contactPhone,
            String howToReach, String memberId, String organizationId, String organizationName,
            String dispatchReason, CaseStatus status, CaseOutcome outcome, long amountRecoveredFen,
            Boolean resolvedWithinDeadline, Instant openedAt, Instant dueAt, boolean overdue, Instant closedAt,
            EscalationView escalation, int escalations, ReferralView referral, List<StepView> steps,
            List<MeetingView> meetings, List<NoteView> notes, List<AdditionView> additions,
            List<AttachmentView> attachments) {

        static HandlerView of(HelpCase c, Instant now) {
            var a = c.account();
            return new HandlerView(c.id(), a.kind(), a.kind().label(), a.company(), a.platform(), a.workerType(),
                    a.divisionCode(), a.description(), c.contact().name(), c.contact().phone().masked(),
                    c.contact().howToReach(), c.memberId(), c.organizationId(), c.organizationName(),
                    c.dispatchReason(), c.status(), c.outcome(), c.amountRecoveredFen(), c.resolvedWithinDeadline(),
                    c.openedAt(), c.dueAt(), c.dueAt() != null && now.isAfter(c.dueAt()), c.closedAt(),
                    escalationOf(c), c.escalations(), referralOf(c),
                    c.steps().stream().map(s -> new StepView(s.what(), s.at(), s.by(), s.organizationName(),
                            s.note())).toList(),
                    c.meetings().stream().map(m -> new MeetingView(m.id(), m.heldAt(), m.counterparty(),
                            m.outcome(), m.recordedBy())).toList(),
                    c.notes().stream().map(n -> new NoteView(n.at(), n.by(), n.text())).toList(),
                    additionsOf(c), attachmentsOf(c));
        }
    }

    /** The worker's case: progress, meetings and outcome, what they added; no notes, no staff names. */
    record WorkerView(String id, CaseKind kind, String kindLabel, String company, String platform,
            String description, String contactName, String contactPhone, String howToReach,
            String organizationName, CaseStatus status, CaseOutcome outcome, long amountRecoveredFen,
            Instant openedAt, Instant dueAt, Instant closedAt, ReferralView referral, List<StepView> steps,
            List<MeetingView> meetings, List<AdditionView> additions, List<AttachmentView> attachments) {

        static WorkerView of(HelpCase c) {
            var a = c.account();
            return new WorkerView(c.id(), a.kind(), a.kind().label(), a.company(), a.platform(), a.description(),
                    c.contact().name(), c.contact().phone().masked(), c.contact().howToReach(),
                    c.organizationName(), c.status(), c.outcome(), c.amountRecoveredFen(), c.openedAt(), c.dueAt(),
                    c.closedAt(), referralOf(c),
                    c.steps().stream().map(s -> new StepView(s.what(), s.at(), null, s.organizationName(),
                            s.what().equals("ESCALATED") ? null : s.note())).toList(),
                    c.meetings().stream().map(m -> new MeetingView(m.id(), m.heldAt(), m.counterparty(),
                            m.outcome(), null)).toList(),
                    additionsOf(c), attachmentsOf(c));
        }
    }

    private static EscalationView escalationOf(HelpCase c) {
        return c.escalatedAt() == null ? null : new EscalationView(c.escalatedToOrganizationId(),
                c.escalatedToOrganizationName(), c.escalatedAt());
    }

    private static ReferralView referralOf(HelpCase c) {
        var r = c.referral();
        return r == null ? null : new ReferralView(r.organizationId(), r.organizationName(), r.reason(), r.at());
    }

    private static List<AdditionView> additionsOf(HelpCase c) {
        return c.additions().stream().map(x -> new AdditionView(x.at(), x.text())).toList();
    }

    private static List<AttachmentView> attachmentsOf(HelpCase c) {
        return c.attachments().stream().map(x -> new AttachmentView(x.id(), x.fileName(), x.contentType(), x.size(),
                x.uploadedAt(), x.fromWorker())).toList();
    }
}
