package org.unionplatform.organization.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.unionplatform.testsupport.http.HttpAnswer;

/**
 * {@code POST /api/auth/member-token}: membership-service, having verified a member's one-time code, asks for
 * that member's token. Every token here is minted by this service itself and validated against its own JWKS.
 */
class MemberTokenApiIT extends TokenIssuerIT {

    static final String SECRET = SERVICE_SECRET;

    @Test
    void membershipServiceGetsAMemberTokenWithTheMemberRoleAndClaim() throws Exception {
        String memberId = "m-" + UUID.randomUUID();
        var response = memberToken(serviceToken("membership-service"),
                "{\"memberId\":\"" + memberId + "\",\"name\":\"李师傅\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(600);
        String token = body.get("accessToken").asString();
        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("sub").asString()).isEqualTo("member:" + memberId);
        assertThat(claims.get("member").asString()).isEqualTo(memberId);
        assertThat(claims.get("roles")).extracting(JsonNode::asString).containsExactly("MEMBER");
        assertThat(claims.get("name").asString()).isEqualTo("李师傅");
        assertThat(claims.get("iss").asString()).isEqualTo("union-platform-auth");
        assertThat(claims.get("aud").toString()).contains("union-platform");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        assertThat(claims.has("org_path")).isFalse();
        assertThat(claims.has("stations")).isFalse();

        var staffOnly = send("GET", "/api/auth/accounts", token, null);
        assertThat(staffOnly.status()).as("the member token is valid here, but grants no staff function")
                .isEqualTo(403);
        assertThat(audit("MEMBER_TOKEN_ISSUED", "member:" + memberId).get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anotherPlatformServiceIsRefusedAndTheRefusalIsAudited() throws Exception {
        String memberId = "m-" + UUID.randomUUID();
        var response = memberToken(serviceToken("station-service"), "{\"memberId\":\"" + memberId + "\"}");

        assertProblem(response, 403);
        assertThat(response.body()).doesNotContain("accessToken");
        JsonNode refused = audit("MEMBER_TOKEN_REFUSED", "member:" + memberId);
        assertThat(refused.get("totalItems").asLong()).isEqualTo(1);
        assertThat(refused.get("items").get(0).get("actor").asString()).isEqualTo("station-service");
    }

    @Test
    void staffAndMembersCannotMintMemberTokens() throws Exception {
        String admin = adminToken();
        assertProblem(memberToken(admin, "{\"memberId\":\"m-44\"}"), 403);

        String member = json.readTree(memberToken(serviceToken("membership-service"), "{\"memberId\":\"m-45\"}")
                .body()).get("accessToken").asString();
        assertProblem(memberToken(member, "{\"memberId\":\"m-46\"}"), 403);
        assertProblem(memberToken(null, "{\"memberId\":\"m-47\"}"), 401);
    }

    @Test
    void invalidRequestsAreBadRequestProblems() throws Exception {
        String service = serviceToken("membership-service");

        assertProblem(memberToken(service, "{\"memberId\":\"\"}"), 400);
        assertProblem(memberToken(service, "{\"memberId\":\"m-1\",\"roles\":[\"ADMIN\"]}"), 400);
        assertProblem(memberToken(service, "{\"memberId\":\"{\\\"$ne\\\":1}\"}"), 400);
    }

    private String serviceToken(String client) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + client + "&client_secret="
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        var response = http().request("POST", "/api/auth/oauth/token")
                .body("application/x-www-form-urlencoded", form).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asString();
    }

    private String adminToken() throws Exception {
        var response = send("POST", "/api/auth/token", null,
                "{\"username\":\"root\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("accessToken").asString();
    }

    private HttpAnswer memberToken(String token, String body) throws Exception {
        return send("POST", "/api/auth/member-token", token, body);
    }

    private JsonNode audit(String action, String target) throws Exception {
        var response = send("GET", "/api/auth/audit?action=" + action + "&target="
                + URLEncoder.encode(target, StandardCharsets.UTF_8), adminToken(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode part(String jwt, int index) {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private void assertProblem(HttpAnswer response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private HttpAnswer send(String method, String path, String token, String body) {
        return http().send(method, path, token, body);
    }
}
