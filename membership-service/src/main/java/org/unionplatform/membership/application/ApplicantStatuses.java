package org.unionplatform.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.unionplatform.common.pii.PersonalDataProtector;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.Worker;
import org.unionplatform.membership.signin.OneTimeCodes;
import org.unionplatform.membership.signin.OneTimeCodes.Asker;
import org.unionplatform.membership.signin.OneTimeCodes.Purpose;
import org.unionplatform.membership.signin.OneTimeCodes.Recipient;

/**
 * The applicant's side of a public application: a receipt code for every submission, and the status shown to
 * whoever holds the receipt code and the phone given with it (proven by a one-time code). A receipt whose phone
 * is not the one on the application or membership it leads to (someone typed another person's resident ID)
 * learns nothing about that person.
 */
@Service
class ApplicantStatuses {

    static final Purpose STATUS = new Purpose("APPLICATION_STATUS", "APPLICATION_STATUS_SHOWN", "receiptCode",
            "receipt code", StatusLookupRefusedException::new);

    private final Applications applications;
    private final ApplicationRepository stored;
    private final MemberRepository members;
    private final MongoOperations mongo;
    private final OneTimeCodes codes;
    private final PersonalDataProtector protector;
    private final Clock clock;

    ApplicantStatuses(Applications applications, ApplicationRepository stored, MemberRepository members,
            MongoOperations mongo, OneTimeCodes codes, PersonalDataProtector protector, Clock clock) {
        this.applications = applications;
        this.stored = stored;
        this.members = members;
        this.mongo = mongo;
        this.codes = codes;
        this.protector = protector;
        this.clock = clock;
    }

    /** Files the application (or finds what the person already has) and answers the receipt code. */
    String applyPublicly(Worker worker, String residentIdNote, String channel) {
        String code = ReceiptCodes.next();
        var submitted = applications.submit(worker, residentIdNote, "self-service", code, channel);
        String applicationId = switch (submitted) {
            case Applications.New created -> created.application().id();
            case Applications.AlreadyApplied open -> open.application().id();
            case Applications.AlreadyMember ignored -> null;
        };
        String memberId = submitted instanceof Applications.AlreadyMember already ? already.member().id() : null;
        mongo.insert(new ApplicationReceipt(code, applicationId, memberId, worker.phone(), clock.instant()));
        return code;
    }

    /** Sends a code to the receipt's phone; a code that is no receipt takes the same path and sends nothing. */
    void requestCode(String receiptCode) {
        Optional<ApplicationReceipt> receipt = ReceiptCodes.normalise(receiptCode)
                .map(code -> mongo.findById(code, ApplicationReceipt.class));
        codes.request(STATUS, asker(receiptCode), receipt.map(found -> new Recipient(found.id(),
                protector.reveal(found.phone()).value(), null)));
    }

    StatusView status(String receiptCode, String code) {
        return codes.verify(STATUS, asker(receiptCode), code, proven -> Optional
                .ofNullable(mongo.findById(proven, ApplicationReceipt.class)).map(this::view));
    }

    private StatusView view(ApplicationReceipt receipt) {
        if (receipt.applicationId() != null) {
            Application application = stored.findById(receipt.applicationId()).orElse(null);
            if (application == null || !samePhone(receipt.phone(), application.worker().phone())) {
                return StatusView.cannotConfirm(receipt);
            }
            return switch (application.status()) {
                case AWAITING_DISPATCH, AWAITING_REASSIGNMENT -> new StatusView(receipt.id(), "RECEIVED", null, null, receipt.submittedAt(),
                        null, null);
                case PENDING_APPROVAL -> new StatusView(receipt.id(), "PENDING_APPROVAL",
                        application.organizationName(), null, receipt.submittedAt(), null, null);
                case REJECTED -> new StatusView(receipt.id(), "REJECTED", application.organizationName(), null,
                        receipt.submittedAt(), application.decidedAt(), application.rejectionReason());
                case REFUSED -> new StatusView(receipt.id(), "REFUSED", null, null, receipt.submittedAt(),
                        application.decidedAt(), application.dispatchProblem());
                case APPROVED -> members.findById(application.memberId())
                        .map(member -> approved(receipt, member, application.decidedAt()))
                        .orElseGet(() -> StatusView.cannotConfirm(receipt));
            };
        }
        return members.findById(receipt.memberId())
                .filter(member -> samePhone(receipt.phone(), member.worker().phone()))
                .map(member -> approved(receipt, member, member.joinedAt()))
                .orElseGet(() -> StatusView.cannotConfirm(receipt));
    }

    private static StatusView approved(ApplicationReceipt receipt, Member member, Instant decidedAt) {
        return new StatusView(receipt.id(), "APPROVED", member.organizationName(), member.cardNumber(),
                receipt.submittedAt(), decidedAt, null);
    }

    private static boolean samePhone(ProtectedMobilePhone a, ProtectedMobilePhone b) {
        return a != null && b != null && a.lookupHash().equals(b.lookupHash());
    }

    /** Keyed by the normalised code when it can be one, else by the text as typed (it never has a code). */
    private static Asker asker(String receiptCode) {
        String key = ReceiptCodes.normalise(receiptCode).orElse(receiptCode);
        return new Asker("receipt:" + key, "receipt:" + key, "receipt:" + key);
    }

    /**
     * What the applicant learns. {@code status}: RECEIVED (no union yet), PENDING_APPROVAL, APPROVED (with the
     * card number), REJECTED (with the reason), REFUSED (the details were invalid, with what was wrong; apply
     * again), or CANNOT_CONFIRM (the phone given is not the one on record:
     * the applicant is asked to contact the union with their resident ID card).
     */
    record StatusView(String receiptCode, String status, String organizationName, String cardNumber,
            Instant submittedAt, Instant decidedAt, String rejectionReason) {

        static StatusView cannotConfirm(ApplicationReceipt receipt) {
            return new StatusView(receipt.id(), "CANNOT_CONFIRM", null, null, receipt.submittedAt(), null, null);
        }
    }
}
