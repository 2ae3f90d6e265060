package org.unionplatform.membership.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Member sign-in by phone number and one-time code: the same limits and the same silence as by card. */
class PhoneSignInIT extends MembershipIT {

    @Autowired
    SentSignInCodes sentCodes;

    @Test
    void aMemberSignsInWithTheirPhoneAndACodeSentToIt() {
        String phone = People.phone();
        JsonNode member = approvedMemberWithPhone(phone);
        String memberId = member.get("memberId").asString();
        membersGetTokensFromOrganizationService(memberId);

        var asked = requestCode(phone);
        assertThat(asked.status()).isEqualTo(202);
        var code = sentCodes.toPhone(phone).getLast();
        assertThat(code.cardNumber()).isEqualTo(member.get("cardNumber").asString());
        assertThat(mongo.getCollection(SignInState.COLLECTION).find().into(new java.util.ArrayList<>()).toString())
                .as("the phone is never stored in clear").doesNotContain(phone);

        var signedIn = signIn(phone, code.code());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String token = json(signedIn).get("accessToken").asString();
        assertThat(json(httpGet("/api/members/me", token)).get("id").asString()).isEqualTo(memberId);
        assertThat(signIn(phone, code.code()).status()).as("a code works once").isEqualTo(401);
    }

    @Test
    void aPhoneNoMemberHoldsAnswersExactlyLikeAMembersPhone() {
        String known = People.phone();
        String memberId = approvedMemberWithPhone(known).get("memberId").asString();
        membersGetTokensFromOrganizationService(memberId);
        String unknown = People.phone();

        var knownCode = requestCode(known);
        var unknownCode = requestCode(unknown);
        assertThat(unknownCode.status()).isEqualTo(knownCode.status()).isEqualTo(202);
        assertThat(unknownCode.body()).isEqualTo(knownCode.body());
        assertThat(sentCodes.toPhone(unknown)).isEmpty();

        var knownAgain = requestCode(known);
        var unknownAgain = requestCode(unknown);
        assertThat(unknownAgain.status()).isEqualTo(knownAgain.status()).isEqualTo(429);
        assertThat(withoutRequestIdentity(unknownAgain)).isEqualTo(withoutRequestIdentity(knownAgain));

        String guess = otherThan(sentCodes.toPhone(known).getLast().code());
        var knownWrong = signIn(known, guess);
        var unknownWrong = signIn(unknown, guess);
        assertThat(unknownWrong.status()).isEqualTo(knownWrong.status()).isEqualTo(401);
        assertThat(withoutRequestIdentity(unknownWrong)).isEqualTo(withoutRequestIdentity(knownWrong));
        for (int attempt = 2; attempt <= 10; attempt++) {
            signIn(known, guess);
            signIn(unknown, guess);
        }
        var knownLocked = signIn(known, guess);
        var unknownLocked = signIn(unknown, guess);
        assertThat(unknownLocked.status()).isEqualTo(knownLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(knownLocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aMalformedPhoneIsABadRequest() {
        var response = requestCode("12345");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("phone").doesNotContain("Exception");
    }

    private JsonNode approvedMemberWithPhone(String phone) {
        var applied = httpPost("/api/members/applications", null,
                People.applicationJson("周师傅", People.residentId(), phone, "RIDE_HAILING_DRIVER"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        var approval = httpPost("/api/members/applications/" + json(applied).get("receiptCode").asString()
                + "/approval", TestTokens.organizer(SHOUQI_PATH), null);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        return json(approval);
    }

    private void membersGetTokensFromOrganizationService(String memberId) {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/auth/member-token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"" + TestTokens.member(memberId)
                        + "\",\"tokenType\":\"Bearer\",\"expiresIn\":600}")));
    }

    private HttpAnswer requestCode(String phone) {
        return httpPost("/api/members/sign-in/phone/codes", null, "{\"phone\":\"" + phone + "\"}");
    }

    private HttpAnswer signIn(String phone, String code) {
        return httpPost("/api/members/sign-in/phone/token", null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}");
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static JsonNode withoutRequestIdentity(HttpAnswer response) {
        ObjectNode body = (ObjectNode) json(response);
        body.remove("requestId");
        body.remove("instance");
        return body;
    }
}
