package org.unionplatform.membership.application;

import java.time.Instant;
import java.time.LocalDate;

import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.pii.ProtectedResidentId;

/** What the application endpoints answer; the stored documents never go on the wire. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    /** What an applicant learns: enough to know where they stand, nothing about anyone else. */
    record ApplicantReceipt(String outcome, String applicationId, String status, String organizationName,
            Instant submittedAt, String memberId, String maskedCardNumber) {

        static ApplicantReceipt of(Applications.Submitted submitted) {
            return switch (submitted) {
                case Applications.AlreadyMember already -> new ApplicantReceipt("ALREADY_MEMBER", null,
                        already.member().status().name(), already.member().organizationName(), null,
                        already.member().id(), maskCard(already.member().cardNumber()));
                case Applications.AlreadyApplied open -> receipt("ALREADY_APPLIED", open.application());
                case Applications.New created -> receipt("SUBMITTED", created.application());
            };
        }

        private static ApplicantReceipt receipt(String outcome, Application application) {
            return new ApplicantReceipt(outcome, application.id(), application.status().name(),
                    application.organizationName(), application.submittedAt(), application.memberId(), null);
        }
    }

    /** What organizers see in their queue: personal data masked. */
    record ApplicationView(String id, String status, String name, ProtectedResidentId residentId,
            ProtectedMobilePhone phone, String gender, LocalDate birthDate, String workerType, String platform,
            String companyCreditCode, String divisionCode, String organizationId, String organizationName,
            String orgPath, String dispatchRule, String dispatchReason, String reassignedBy, String residentIdNote,
            Instant submittedAt, Instant dispatchedAt, String dispatchProblem, Instant decidedAt, String decidedBy,
            String rejectionReason, String memberId, Instant escalatedAt, String escalatedToOrgPath) {

        static ApplicationView of(Application a) {
            var w = a.worker();
            return new ApplicationView(a.id(), a.status().name(), w.name(), w.residentId(), w.phone(),
                    w.gender().name(), w.birthDate(), w.workerType(), w.platform(), w.companyCreditCode(),
                    w.divisionCode(), a.organizationId(), a.organizationName(), a.orgPath(), a.dispatchRule(),
                    a.dispatchReason(), a.reassignedBy(), a.residentIdNote(), a.submittedAt(), a.dispatchedAt(), a.dispatchProblem(), a.decidedAt(), a.decidedBy(),
                    a.rejectionReason(), a.memberId(), a.escalatedAt(), a.escalatedToOrgPath());
        }
    }

    /** The QR token appears here once, to be printed on the card; only its hash is kept. */
    record ApprovalView(String applicationId, String status, String memberId, String cardNumber, String qrToken) {
    }

    static String maskCard(String cardNumber) {
        return cardNumber == null ? null : cardNumber.substring(0, 4) + "********" + cardNumber.substring(12);
    }
}
