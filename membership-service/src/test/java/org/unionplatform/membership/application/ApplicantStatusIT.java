package org.unionplatform.membership.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * The applicant's side: one answer to every public application, the status for whoever holds the receipt code
 * and the phone given with it, and the card number by SMS on approval.
 */
class ApplicantStatusIT extends MembershipIT {

    @Autowired
    SentSignInCodes sent;

    @Test
    void theApplyAnswerIsTheSameForAMemberAnOpenApplicantAndAStrangerApartFromTheReceiptCode() {
        String memberId = People.residentId();
        approvedMember(memberId);
        String openApplicant = People.residentId();
        dispatchedApplication(openApplicant);

        var asMember = apply(memberId, People.phone());
        var asOpenApplicant = apply(openApplicant, People.phone());
        var asStranger = apply(People.residentId(), People.phone());

        for (var answer : java.util.List.of(asMember, asOpenApplicant, asStranger)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(json(answer).get("receiptCode").asString()).matches("[2-9A-HJKMNP-Z]{12}");
        }
        assertThat(withoutReceipt(asMember)).isEqualTo(withoutReceipt(asStranger))
                .isEqualTo(withoutReceipt(asOpenApplicant));
        assertThat(asMember.headers().map().keySet()).isEqualTo(asStranger.headers().map().keySet());
    }

    @Test
    void theApplicantLearnsTheStatusWithReceiptAndPhoneAndGetsTheCardNumberOnApproval() {
        String phone = People.phone();
        String receipt = json(apply(People.residentId(), phone)).get("receiptCode").asString();

        var approval = httpPost("/api/members/applications/" + receipt + "/approval",
                TestTokens.organizer(SHOUQI_PATH), null);
        assertThat(approval.status()).isEqualTo(200);
        String card = json(approval).get("cardNumber").asString();
        assertThat(sent.messagesTo(phone)).singleElement().satisfies(message -> {
            assertThat(message.cardNumber()).isEqualTo(card);
            assertThat(message.text()).contains(card).contains("首汽约车西安分公司工会");
        });

        String spaced = receipt.substring(0, 4) + "-" + receipt.substring(4, 8).toLowerCase() + " " + receipt.substring(8);
        assertThat(requestCode(spaced).status()).isEqualTo(202);
        String code = sent.toPhone(phone).getLast().code();
        var status = lookUp(receipt, code);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(json(status).get("status").asString()).isEqualTo("APPROVED");
        assertThat(json(status).get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        assertThat(json(status).get("cardNumber").asString()).isEqualTo(card);
        assertThat(lookUp(receipt, code).status()).as("a code works once").isEqualTo(401);
    }

    @Test
    void aPendingApplicationShowsItsUnion() {
        String phone = People.phone();
        String receipt = json(apply(People.residentId(), phone)).get("receiptCode").asString();
        requestCode(receipt);

        var status = lookUp(receipt, sent.toPhone(phone).getLast().code());

        assertThat(json(status).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(json(status).get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        assertThat(json(status).has("cardNumber") && !json(status).get("cardNumber").isNull()).isFalse();
    }

    @Test
    void someoneTypingAMembersResidentIdWithTheirOwnPhoneLearnsNothingAboutThatMember() {
        String residentId = People.residentId();
        String card = approvedMember(residentId).get("cardNumber").asString();
        String strangersPhone = People.phone();
        String receipt = json(apply(residentId, strangersPhone)).get("receiptCode").asString();
        requestCode(receipt);

        var status = lookUp(receipt, sent.toPhone(strangersPhone).getLast().code());

        assertThat(status.status()).isEqualTo(200);
        assertThat(json(status).get("status").asString()).isEqualTo("CANNOT_CONFIRM");
        assertThat(status.body()).doesNotContain(card).doesNotContain("首汽");
    }

    @Test
    void anUnknownReceiptAnswersLikeAKnownOneAndAWrongCodeIsRefused() {
        String phone = People.phone();
        String receipt = json(apply(People.residentId(), phone)).get("receiptCode").asString();

        String unknownReceipt = People.receiptCode();
        var known = requestCode(receipt);
        var unknown = requestCode(unknownReceipt);
        var garbage = requestCode("not a code");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(garbage.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo(garbage.body());

        String right = sent.toPhone(phone).getLast().code();
        String wrong = right.equals("000000") ? "000001" : "000000";
        var knownWrong = lookUp(receipt, wrong);
        var unknownWrong = lookUp(unknownReceipt, wrong);
        assertThat(knownWrong.status()).isEqualTo(unknownWrong.status()).isEqualTo(401);
        assertThat(knownWrong.body()).doesNotContain(right);
        assertThat(lookUp(receipt, right).status()).isEqualTo(200);
    }

    private HttpAnswer apply(String residentId, String phone) {
        return httpPost("/api/members/applications", null,
                People.applicationJson("吴师傅", residentId, phone, "RIDE_HAILING_DRIVER"));
    }

    private HttpAnswer requestCode(String receipt) {
        return httpPost("/api/members/applications/status/codes", null, "{\"receiptCode\":\"" + receipt + "\"}");
    }

    private HttpAnswer lookUp(String receipt, String code) {
        return httpPost("/api/members/applications/status", null,
                "{\"receiptCode\":\"" + receipt + "\",\"code\":\"" + code + "\"}");
    }

    private static String withoutReceipt(HttpAnswer response) {
        return response.body().replace(json(response).get("receiptCode").asString(), "");
    }
}
