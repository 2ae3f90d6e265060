package org.unionplatform.membership;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** A member record that changes: a new phone, joining again after withdrawing, a transfer the member agrees to. */
class MemberChangesIT extends MembershipIT {

    @Autowired
    SentSignInCodes sent;

    @Test
    void aMemberChangesTheirPhoneWithACodeSentToTheNewOneAndThenSignsInWithItAndNotTheOld() {
        String oldPhone = People.phone();
        String newPhone = People.phone();
        JsonNode member = approvedMemberWithPhone(oldPhone);
        String memberId = member.get("memberId").asString();
        String token = TestTokens.member(memberId);
        membersGetTokensFromOrganizationService(memberId);

        assertThat(httpPost("/api/members/me/phone/codes", token, phoneJson(newPhone)).status()).isEqualTo(202);
        String code = sent.toPhone(newPhone).getLast().code();
        assertThat(sent.toPhone(oldPhone)).as("the code goes to the new phone only").isEmpty();
        var wrong = httpPost("/api/members/me/phone", token, confirmJson(newPhone, otherThan(code)));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        var otherPhone = httpPost("/api/members/me/phone", token, confirmJson(People.phone(), code));
        assertThat(otherPhone.status()).as("the code proves this new phone only").isEqualTo(422);

        var changed = httpPost("/api/members/me/phone", token, confirmJson(newPhone, code));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("phone").asString()).isEqualTo(masked(newPhone));
        assertThat(changed.body()).doesNotContain(newPhone).doesNotContain(oldPhone);
        assertThat(signInByPhone(newPhone).status()).isEqualTo(200);
        httpPost("/api/members/sign-in/phone/codes", null, phoneJson(oldPhone));
        assertThat(sent.toPhone(oldPhone)).as("the old phone gets no sign-in code").isEmpty();

        JsonNode ownHistory = json(httpGet("/api/members/" + memberId + "/contact-history", token));
        assertThat(ownHistory).hasSize(1);
        assertThat(ownHistory.get(0).get("before").asString()).isEqualTo(masked(oldPhone));
        assertThat(ownHistory.get(0).get("after").asString()).isEqualTo(masked(newPhone));
        assertThat(ownHistory.get(0).get("changedBy").asString()).isEqualTo("MEMBER");
        assertThat(auditCount("MEMBER_PHONE_CHANGED", "member:" + memberId)).isEqualTo(1);
    }

    @Test
    void anOrganizerInScopeChangesAPhoneWithAReasonAndTheMemberReadsWhoDidItByRoleOnly() {
        String memberId = approvedMemberWithPhone(People.phone()).get("memberId").asString();
        String newPhone = People.phone();
        String body = "{\"phone\":\"" + newPhone + "\",\"reason\":\"会员到驿站当面更换\"}";

        assertThat(httpPost("/api/members/" + memberId + "/phone", TestTokens.organizer(YULIN_TRUCK_PATH), body)
                .status()).as("out of scope").isEqualTo(404);
        var changed = httpPost("/api/members/" + memberId + "/phone", TestTokens.organizer(SHOUQI_PATH), body);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode staffView = json(httpGet("/api/members/" + memberId + "/contact-history",
                TestTokens.organizer(SHOUQI_PATH)));
        assertThat(staffView.get(0).get("changedBy").asString()).isEqualTo("ORGANIZER");
        assertThat(staffView.get(0).get("reason").asString()).isEqualTo("会员到驿站当面更换");
        assertThat(staffView.get(0).get("by").isNull()).isFalse();
        JsonNode memberView = json(httpGet("/api/members/" + memberId + "/contact-history",
                TestTokens.member(memberId)));
        assertThat(memberView.get(0).get("by").isNull()).isTrue();
        assertThat(httpGet("/api/members/" + memberId + "/contact-history", TestTokens.member("someone-else"))
                .status()).isEqualTo(404);
    }

    @Test
    void aWithdrawnMemberAppliesAgainAndKeepsTheirMemberIdAndCard() {
        String residentId = People.residentId();
        String phone = People.phone();
        JsonNode first = approve(apply(residentId, phone));
        String memberId = first.get("memberId").asString();
        assertThat(httpPost("/api/members/" + memberId + "/withdrawal", TestTokens.member(memberId),
                "{\"reason\":\"换工作了\"}").status()).isEqualTo(200);

        String newPhone = People.phone();
        String again = apply(residentId, newPhone);
        assertThat(json(httpGet("/api/members/applications/" + again, TestTokens.organizer(SHOUQI_PATH)))
                .get("status").asString()).as("a new application, dispatched").isEqualTo("PENDING_APPROVAL");
        JsonNode rejoined = approve(again);

        assertThat(rejoined.get("memberId").asString()).isEqualTo(memberId);
        assertThat(rejoined.get("cardNumber").asString()).isEqualTo(first.get("cardNumber").asString());
        JsonNode record = json(httpGet("/api/members/" + memberId, TestTokens.organizer(SHOUQI_PATH)));
        assertThat(record.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(record.get("phone").asString()).isEqualTo(masked(newPhone));
        assertThat(sent.messagesTo(newPhone)).as("the card number is texted again").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("membership.approved").stream()
                .filter(event -> event.payload().get("memberId").asString().equals(memberId))
                .filter(event -> event.payload().get("channel").asString().equals("REJOIN")).count() == 1);
    }

    @Test
    void anOrganizerInScopeReadmitsAWithdrawnMemberIntoTheirUnion() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        String reason = "{\"reason\":\"本人申请恢复会籍\"}";
        assertThat(httpPost("/api/members/" + memberId + "/readmission", TestTokens.organizer(SHOUQI_PATH), reason)
                .status()).as("only a withdrawn member").isEqualTo(409);
        httpPost("/api/members/" + memberId + "/withdrawal", TestTokens.organizer(SHOUQI_PATH),
                "{\"reason\":\"离开平台\"}");

        assertThat(httpPost("/api/members/" + memberId + "/readmission", TestTokens.organizer(YULIN_TRUCK_PATH),
                reason).status()).isEqualTo(404);
        var readmitted = httpPost("/api/members/" + memberId + "/readmission", TestTokens.organizer(SHOUQI_PATH),
                reason);

        assertThat(readmitted.status()).as(readmitted.body()).isEqualTo(200);
        assertThat(json(readmitted).get("member").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json(readmitted).get("qrToken").asString()).isNotBlank();
    }

    @Test
    void aTransferMovesTheMemberOnlyWithTheirConsentTellsTheSendingUnionAndSetsPlatformAndDivision() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        String receiving = TestTokens.organizer(RONGCHENG_PATH);

        var asked = httpPost("/api/members/" + memberId + "/transfers", receiving,
                "{\"toOrganizationId\":\"rongcheng-union\",\"reason\":\"改跑荣橙出行\",\"platform\":\"荣橙出行\","
                        + "\"divisionCode\":\"610113\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String transferId = json(asked).get("id").asString();
        assertThat(json(asked).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(json(asked).get("acceptedByReceivingUnion").asBoolean()).isTrue();
        assertThat(json(httpGet("/api/members/" + memberId, TestTokens.organizer(SHOUQI_PATH))).get("orgPath")
                .asString()).as("nobody moves without consent").isEqualTo(SHOUQI_PATH);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("membership.transfer-requested").stream()
                .anyMatch(event -> event.payload().get("transferId").asString().equals(transferId)
                        && event.payload().get("fromOrganizationId").asString().equals("shouqi-union")));
        assertThat(json(httpGet("/api/members/transfers", TestTokens.organizer(SHOUQI_PATH))).get("items"))
                .as("the sending union sees it").anyMatch(t -> t.get("id").asString().equals(transferId));
        assertThat(httpPost("/api/members/me/transfers/" + transferId + "/consent", TestTokens.member("someone-else"),
                null).status()).isEqualTo(404);
        assertThat(httpPost("/api/members/" + memberId + "/transfers", receiving,
                "{\"toOrganizationId\":\"rongcheng-union\",\"reason\":\"again\"}").status())
                .as("one open request per member").isEqualTo(409);

        String token = TestTokens.member(memberId);
        JsonNode mine = json(httpGet("/api/members/me/transfers", token)).get("items");
        assertThat(mine).singleElement().satisfies(t -> assertThat(t.get("requestedBy").isNull()).isTrue());
        var consented = httpPost("/api/members/me/transfers/" + transferId + "/consent", token, null);

        assertThat(consented.status()).as(consented.body()).isEqualTo(200);
        assertThat(json(consented).get("status").asString()).isEqualTo("COMPLETED");
        JsonNode moved = json(httpGet("/api/members/me", token));
        assertThat(moved.get("orgPath").asString()).isEqualTo(RONGCHENG_PATH);
        assertThat(moved.get("platform").asString()).isEqualTo("荣橙出行");
        assertThat(moved.get("divisionCode").asString()).isEqualTo("610113");
        await().atMost(Duration.ofSeconds(10)).until(() -> events("membership.transferred").stream()
                .anyMatch(event -> event.payload().get("memberId").asString().equals(memberId)
                        && event.payload().get("platform").asString().equals("荣橙出行")));
        assertThat(httpPost("/api/members/me/transfers/" + transferId + "/consent", token, null).status())
                .isEqualTo(409);
    }

    @Test
    void aTransferAskedByTheSendingUnionWaitsForTheReceivingUnionAndTheMemberMayRefuse() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        var asked = httpPost("/api/members/" + memberId + "/transfers", TestTokens.organizer(SHOUQI_PATH),
                "{\"toOrganizationId\":\"rongcheng-union\",\"reason\":\"换平台\"}");
        String transferId = json(asked).get("id").asString();
        assertThat(json(asked).get("acceptedByReceivingUnion").asBoolean()).isFalse();
        assertThat(json(asked).get("divisionCode").asString()).as("the receiving union's place").isEqualTo("610100");

        var accepted = httpPost("/api/members/transfers/" + transferId + "/acceptance",
                TestTokens.organizer(RONGCHENG_PATH), null);
        assertThat(json(accepted).get("status").asString()).as("still the member's to decide").isEqualTo("REQUESTED");
        var refused = httpPost("/api/members/me/transfers/" + transferId + "/refusal", TestTokens.member(memberId),
                "{\"reason\":\"不想换\"}");

        assertThat(json(refused).get("status").asString()).isEqualTo("REFUSED");
        assertThat(json(httpGet("/api/members/me", TestTokens.member(memberId))).get("orgPath").asString())
                .isEqualTo(SHOUQI_PATH);
    }

    private String apply(String residentId, String phone) {
        var applied = httpPost("/api/members/applications", null,
                People.applicationJson("周师傅", residentId, phone, "RIDE_HAILING_DRIVER"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        return json(applied).get("receiptCode").asString();
    }

    private JsonNode approve(String applicationId) {
        var approval = httpPost("/api/members/applications/" + applicationId + "/approval",
                TestTokens.organizer(SHOUQI_PATH), null);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        return json(approval);
    }

    private JsonNode approvedMemberWithPhone(String phone) {
        return approve(apply(People.residentId(), phone));
    }

    private void membersGetTokensFromOrganizationService(String memberId) {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/auth/member-token"))
                .withRequestBody(equalToJson("{\"memberId\":\"" + memberId + "\"}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + TestTokens.member(memberId)
                                + "\",\"tokenType\":\"Bearer\",\"expiresIn\":600}")));
    }

    private HttpAnswer signInByPhone(String phone) {
        assertThat(httpPost("/api/members/sign-in/phone/codes", null, phoneJson(phone)).status()).isEqualTo(202);
        String code = sent.toPhone(phone).getLast().code();
        return httpPost("/api/members/sign-in/phone/token", null, confirmJson(phone, code));
    }

    private long auditCount(String action, String target) {
        var response = httpGet("/api/members/audit?action=" + action + "&target="
                + URLEncoder.encode(target, StandardCharsets.UTF_8), TestTokens.admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response).get("totalItems").asLong();
    }

    private static String phoneJson(String phone) {
        return "{\"phone\":\"" + phone + "\"}";
    }

    private static String confirmJson(String phone, String code) {
        return "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}";
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
