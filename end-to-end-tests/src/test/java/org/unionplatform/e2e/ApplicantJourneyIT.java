package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The applicant's side, through the gateway: the worker who applied from a phone learns the result (receipt code
 * plus a code to the phone), gets the card number by SMS and signs in with the phone and a code. And every public
 * endpoint that takes a resident ID, a phone, a card or a receipt answers a member's exactly as a stranger's: the
 * same status, the same body but for the receipt code, the same message, and no difference in time a person
 * could notice.
 *
 * <p>The tree is in Ningxia's Yinchuan (640100), the union in Xingqing (640104).
 */
class ApplicantJourneyIT {

    /**
     * What a person would notice: a member's and a stranger's answers more than this apart, and more than the
     * faster answer's own time apart (a crowded test machine stretches both alike).
     */
    private static final Duration OBVIOUS = Duration.ofSeconds(2);

    private static MembershipFixture fixture;
    private static SmsLog sms;
    private static HttpTestClient phone;

    @BeforeAll
    static void theUnion() {
        fixture = new MembershipFixture("银川", "640000", "640100", "640104");
        sms = new SmsLog(fixture.platform);
        phone = fixture.gateway.from(InetAddress.getLoopbackAddress());
    }

    @Test
    void anApplicantLearnsTheApprovalGetsTheCardBySmsAndSignsInWithPhoneAndCode() {
        MembershipFixture.Worker worker = fixture.newWorker();
        JsonNode approval = fixture.enrol(worker);
        String card = approval.get("cardNumber").asString();
        String receipt = approvedReceipt(approval);

        String statusCode = sms.codeAfter(SmsLog.forPhone(worker.phone()), () -> expect(phone.post(
                "/api/members/applications/status/codes", null, Map.of("receiptCode", receipt)), 202));
        JsonNode status = expect(phone.post("/api/members/applications/status", null,
                Map.of("receiptCode", receipt, "code", statusCode)), 200);

        assertThat(status.get("status").asString()).isEqualTo("APPROVED");
        assertThat(status.get("cardNumber").asString()).isEqualTo(card);
        assertThat(status.get("organizationName").asString()).isEqualTo(fixture.union.name());
        assertThat(sms.lines("approval message for card ****" + card.substring(12) + " sent")).isEqualTo(1);

        String signInCode = sms.codeAfter(SmsLog.forCard(card), () -> expect(phone.post(
                "/api/members/sign-in/phone/codes", null, Map.of("phone", worker.phone())), 202));
        String token = expect(phone.post("/api/members/sign-in/phone/token", null,
                Map.of("phone", worker.phone(), "code", signInCode)), 200).get("accessToken").asString();
        JsonNode me = expect(fixture.gateway.get("/api/members/me", token), 200);
        assertThat(me.get("cardNumber").asString()).isEqualTo(card);
        assertThat(me.get("organizationId").asString()).isEqualTo(fixture.union.id());
    }

    @Test
    void noPublicEndpointAnswersDifferentlyForAMembersResidentIdPhoneCardOrReceiptThanForAStrangers() {
        MembershipFixture.Worker member = fixture.newWorker();
        JsonNode approval = fixture.enrol(member);
        String card = approval.get("cardNumber").asString();

        // apply: a member's resident ID (from another phone, as someone who knows it would type it) and strangers'.
        List<HttpAnswer> forMember = new ArrayList<>();
        List<HttpAnswer> forStrangers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var someoneTypingIt = fixture.form(member);
            someoneTypingIt.put("phone", fixture.newWorker().phone());
            forMember.add(fixture.apply(someoneTypingIt));
            forStrangers.add(fixture.apply(fixture.form(fixture.newWorker())));
        }
        for (int i = 0; i < 3; i++) {
            same("apply", forMember.get(i), forStrangers.get(i), body -> body.remove("receiptCode"));
        }
        assertNoObviousDifference("apply", forMember, forStrangers);

        String memberReceipt = forMember.getFirst().json().get("receiptCode").asString();
        String strangerReceipt = forStrangers.getFirst().json().get("receiptCode").asString();
        same("status codes", phone.post("/api/members/applications/status/codes", null,
                        Map.of("receiptCode", memberReceipt)),
                phone.post("/api/members/applications/status/codes", null, Map.of("receiptCode", strangerReceipt)),
                body -> { });
        same("status", phone.post("/api/members/applications/status", null,
                        Map.of("receiptCode", memberReceipt, "code", "000000")),
                phone.post("/api/members/applications/status", null,
                        Map.of("receiptCode", strangerReceipt, "code", "000000")),
                ApplicantJourneyIT::withoutRequestIdentity);

        String strangersPhone = fixture.newWorker().phone();
        same("sign-in codes by phone",
                phone.post("/api/members/sign-in/phone/codes", null, Map.of("phone", member.phone())),
                phone.post("/api/members/sign-in/phone/codes", null, Map.of("phone", strangersPhone)), body -> { });
        same("sign-in by phone",
                phone.post("/api/members/sign-in/phone/token", null, Map.of("phone", member.phone(), "code", "000000")),
                phone.post("/api/members/sign-in/phone/token", null, Map.of("phone", strangersPhone, "code", "000000")),
                ApplicantJourneyIT::withoutRequestIdentity);

        String strangersCard = cardNobodyHolds(card);
        same("sign-in codes by card",
                phone.post("/api/members/sign-in/codes", null, Map.of("cardNumber", card)),
                phone.post("/api/members/sign-in/codes", null, Map.of("cardNumber", strangersCard)), body -> { });
        same("sign-in by card",
                phone.post("/api/members/sign-in/token", null, Map.of("cardNumber", card, "code", "000000")),
                phone.post("/api/members/sign-in/token", null, Map.of("cardNumber", strangersCard, "code", "000000")),
                ApplicantJourneyIT::withoutRequestIdentity);
    }

    /** Same status, same body once {@code strip} removed what may differ (the receipt code, the request id). */
    private static void same(String endpoint, HttpAnswer forMember, HttpAnswer forStranger,
            java.util.function.Consumer<ObjectNode> strip) {
        assertThat(forMember.status()).as(endpoint + ": " + forMember.body() + " / " + forStranger.body())
                .isEqualTo(forStranger.status());
        ObjectNode member = (ObjectNode) forMember.json();
        ObjectNode stranger = (ObjectNode) forStranger.json();
        strip.accept(member);
        strip.accept(stranger);
        assertThat(member).as(endpoint).isEqualTo(stranger);
        assertNoObviousDifference(endpoint, List.of(forMember), List.of(forStranger));
    }

    private static void assertNoObviousDifference(String endpoint, List<HttpAnswer> forMember,
            List<HttpAnswer> forStrangers) {
        Duration member = median(forMember, HttpAnswer::took);
        Duration stranger = median(forStrangers, HttpAnswer::took);
        Duration faster = member.compareTo(stranger) < 0 ? member : stranger;
        Duration allowed = faster.compareTo(OBVIOUS) > 0 ? faster : OBVIOUS;
        assertThat(member.minus(stranger).abs()).as(endpoint + ": member " + member + ", stranger " + stranger)
                .isLessThan(allowed);
    }

    private static Duration median(List<HttpAnswer> answers, Function<HttpAnswer, Duration> took) {
        List<Duration> sorted = answers.stream().map(took).sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void withoutRequestIdentity(ObjectNode problem) {
        problem.remove("requestId");
        problem.remove("instance");
    }

    /** The receipt the applicant was shown: the approved application's id. */
    private static String approvedReceipt(JsonNode approval) {
        return approval.get("applicationId").asString();
    }

    /** A well-formed card number (Luhn) that differs from {@code card} in its sequence: nobody holds it. */
    private static String cardNobodyHolds(String card) {
        String first15 = card.substring(0, 8) + "9" + card.substring(9, 15);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int digit = first15.charAt(14 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return first15 + (10 - sum % 10) % 10;
    }
}
