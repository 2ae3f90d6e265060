package org.unionplatform.membership.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

import com.github.tomakehurst.wiremock.http.Fault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Member sign-in over real HTTP: card number, one-time code from the (captured) sender, then a member token that
 * organization-service (WireMock here) mints; with it the member reads their own record and history only.
 */
class MemberSignInIT extends MembershipIT {

    @Autowired
    SentSignInCodes sentCodes;

    @Test
    void aMemberSignsInWithCardAndCodeAndReadsOnlyTheirOwnRecordAndHistory() {
        var member = approvedMember(People.residentId());
        String memberId = member.get("memberId").asString();
        String card = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(memberId);

        assertThat(requestCode(card).status()).isEqualTo(202);
        var code = sentCodes.to(card).getLast();
        assertThat(code.code()).matches("[0-9]{6}");
        assertThat(code.phone()).matches("139[0-9]{8}");
        assertThat(code.toString()).doesNotContain(code.code(), code.phone(), card);
        assertThat(mongo.getCollection(SignInState.COLLECTION).find(new Document("_id", card)).first().toJson())
                .as("only a hash of the code is stored").doesNotContain("\"" + code.code() + "\"");

        var signedIn = signIn(card, code.code());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        String token = json(signedIn).get("accessToken").asString();
        assertThat(json(signedIn).get("tokenType").asString()).isEqualTo("Bearer");
        ORGANIZATION_SERVICE.verify(postRequestedFor(urlEqualTo("/api/auth/member-token"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.memberId", equalTo(memberId))));

        var me = httpGet("/api/members/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(json(me).get("id").asString()).isEqualTo(memberId);
        assertThat(httpGet("/api/members/" + memberId + "/timeline", token).status()).isEqualTo(200);
        String someoneElse = approvedMember(People.residentId()).get("memberId").asString();
        assertThat(httpGet("/api/members/" + someoneElse + "/timeline", token).status()).isEqualTo(404);
        assertThat(httpGet("/api/members/" + someoneElse, token).status()).isEqualTo(404);
        assertThat(httpGet("/api/members", token).status()).isEqualTo(403);

        assertThat(signIn(card, code.code()).status()).as("a code works once").isEqualTo(401);
        assertThat(auditCount("MEMBER_SIGNED_IN", card)).isEqualTo(1);
        assertThat(auditCount("MEMBER_SIGN_IN_CODE_SENT", card)).isEqualTo(1);
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneStillWorks() {
        var member = approvedMember(People.residentId());
        String card = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(member.get("memberId").asString());
        requestCode(card);
        String code = sentCodes.to(card).getLast().code();

        var wrong = signIn(card, otherThan(code));

        assertProblem(wrong, 401);
        assertThat(wrong.body()).doesNotContain(code);
        assertThat(auditCount("MEMBER_SIGN_IN_FAILED", card)).isEqualTo(1);
        assertThat(signIn(card, code).status()).isEqualTo(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        var member = approvedMember(People.residentId());
        String card = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(member.get("memberId").asString());
        requestCode(card);
        String code = sentCodes.to(card).getLast().code();
        mongo.getCollection(SignInState.COLLECTION).updateOne(new Document("_id", card),
                new Document("$set", new Document("codeExpiresAt", java.util.Date.from(Instant.now().minusSeconds(1)))));

        assertProblem(signIn(card, code), 401);
        ORGANIZATION_SERVICE.verify(0, postRequestedFor(urlEqualTo("/api/auth/member-token")));
    }

    @Test
    void fiveWrongAttemptsVoidTheCode() {
        var member = approvedMember(People.residentId());
        String card = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(member.get("memberId").asString());
        requestCode(card);
        String code = sentCodes.to(card).getLast().code();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(signIn(card, otherThan(code)), 401);
        }

        assertProblem(signIn(card, code), 401);
        ORGANIZATION_SERVICE.verify(0, postRequestedFor(urlEqualTo("/api/auth/member-token")));
    }

    @Test
    void repeatedFailuresLockTheCardWithRetryAfterEvenForTheRightCode() {
        var member = approvedMember(People.residentId());
        String card = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(member.get("memberId").asString());
        requestCode(card);
        String code = sentCodes.to(card).getLast().code();

        for (int attempt = 1; attempt <= 9; attempt++) {
            assertProblem(signIn(card, otherThan(code)), 401);
        }
        var tenth = signIn(card, otherThan(code));

        assertProblem(tenth, 429);
        assertThat(Long.parseLong(tenth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        var whileLocked = signIn(card, code);
        assertProblem(whileLocked, 429);
        assertThat(whileLocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(auditCount("MEMBER_SIGN_IN_LOCKED", card)).isEqualTo(1);
        assertThat(auditCount("MEMBER_SIGN_IN_REFUSED_LOCKED", card)).isEqualTo(1);
    }

    @Test
    void codeRequestsPerCardAreLimitedWithRetryAfter() {
        String card = approvedMember(People.residentId()).get("cardNumber").asString();

        assertThat(requestCode(card).status()).isEqualTo(202);
        var again = requestCode(card);

        assertProblem(again, 429);
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(sentCodes.to(card)).hasSize(1);
    }

    @Test
    void anUnknownCardAnswersExactlyLikeAKnownOne() {
        var member = approvedMember(People.residentId());
        String known = member.get("cardNumber").asString();
        membersGetTokensFromOrganizationService(member.get("memberId").asString());
        String unknown = unknownCard();

        var knownCode = requestCode(known);
        var unknownCode = requestCode(unknown);
        assertThat(unknownCode.status()).isEqualTo(knownCode.status()).isEqualTo(202);
        assertThat(unknownCode.body()).isEqualTo(knownCode.body());
        assertThat(sentCodes.to(unknown)).isEmpty();

        var knownAgain = requestCode(known);
        var unknownAgain = requestCode(unknown);
        assertThat(unknownAgain.status()).isEqualTo(knownAgain.status()).isEqualTo(429);
        assertThat(withoutRequestIdentity(unknownAgain)).isEqualTo(withoutRequestIdentity(knownAgain));

        String guess = otherThan(sentCodes.to(known).getLast().code());
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
    }

    @Test
    void withOrganizationServiceDownSignInAnswers503AndTheCodeStaysUsable() {
        var member = approvedMember(People.residentId());
        String memberId = member.get("memberId").asString();
        String card = member.get("cardNumber").asString();
        requestCode(card);
        String code = sentCodes.to(card).getLast().code();
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/auth/member-token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var down = signIn(card, code);

        assertProblem(down, 503);
        assertThat(down.body()).doesNotContain("Fault", "Connection");
        membersGetTokensFromOrganizationService(memberId);
        assertThat(signIn(card, code).status()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreBadRequestsAndSuspendedMembersGetNoCode() {
        assertProblem(requestCode("1234"), 400);
        assertProblem(httpPost("/api/members/sign-in/token", null, "{\"cardNumber\":\"6101032600000125\",\"code\":\"12a\"}"),
                400);
        assertProblem(httpPost("/api/members/sign-in/codes", null, "{\"cardNumber\":{\"$ne\":null}}"), 400);

        var member = approvedMember(People.residentId());
        String card = member.get("cardNumber").asString();
        assertThat(httpPost("/api/members/" + member.get("memberId").asString() + "/suspension",
                TestTokens.organizer(SHOUQI_PATH), "{\"reason\":\"测试\"}").status()).isEqualTo(200);
        assertThat(requestCode(card).status()).isEqualTo(202);
        assertThat(sentCodes.to(card)).isEmpty();
    }

    private void membersGetTokensFromOrganizationService(String memberId) {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/auth/member-token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"" + TestTokens.member(memberId)
                        + "\",\"tokenType\":\"Bearer\",\"expiresIn\":600}")));
    }

    private HttpAnswer requestCode(String card) {
        return httpPost("/api/members/sign-in/codes", null, "{\"cardNumber\":\"" + card + "\"}");
    }

    private HttpAnswer signIn(String card, String code) {
        return httpPost("/api/members/sign-in/token", null,
                "{\"cardNumber\":\"" + card + "\",\"code\":\"" + code + "\"}");
    }

    private long auditCount(String action, String card) {
        var response = httpGet("/api/members/audit?action=" + action + "&target="
                + URLEncoder.encode("card:" + card, StandardCharsets.UTF_8), TestTokens.admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response).get("totalItems").asLong();
    }

    /** A well-formed card number (Luhn digit right) that no member holds. */
    private static String unknownCard() {
        String first15 = "999999" + "%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000));
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

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static JsonNode withoutRequestIdentity(HttpAnswer response) {
        ObjectNode body = (ObjectNode) json(response);
        body.remove("requestId");
        body.remove("instance");
        return body;
    }

    private void assertProblem(HttpAnswer response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }
}
