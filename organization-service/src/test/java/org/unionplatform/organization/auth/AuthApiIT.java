package org.unionplatform.organization.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/** Staff sign-in, refresh, keys, accounts, lockout, service tokens and the audit log. */
class AuthApiIT extends TokenIssuerIT {

    static final String PASSWORD = "correct-horse-battery";

    @Test
    void aPlatformServiceGetsATokenWithTheServiceRoleOnly() throws Exception {
        var tokens = new org.unionplatform.common.security.ServiceTokens(
                new org.unionplatform.common.security.ServiceTokenProperties(
                        "http://127.0.0.1:" + port + "/api/auth/oauth/token", "membership-service", SERVICE_SECRET,
                        java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(2)),
                "ignored", java.time.Clock.systemUTC());

        String token = tokens.token();

        JsonNode claims = part(token, 1);
        assertThat(claims.get("sub").asString()).isEqualTo("membership-service");
        assertThat(claims.get("roles")).extracting(JsonNode::asString).containsExactly("SERVICE");
        assertThat(claims.has("org_path")).isFalse();
        assertThat(tokens.token()).as("cached until shortly before it expires").isEqualTo(token);
        HttpAnswer adminOnly = http().get("/api/auth/accounts", token);
        assertThat(adminOnly.status()).as("authenticated, but not an administrator").isEqualTo(403);
    }

    @Test
    void aWrongClientSecretOrUnknownClientIsRefused() throws Exception {
        for (String form : List.of("grant_type=client_credentials&client_id=membership-service&client_secret=guess",
                "grant_type=client_credentials&client_id=intruder&client_secret=" + SERVICE_SECRET,
                "grant_type=password&client_id=membership-service&client_secret=" + SERVICE_SECRET)) {
            HttpAnswer response = http().request("POST", "/api/auth/oauth/token")
                    .body("application/x-www-form-urlencoded", form).send();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void bootstrapAdminSignsInWithANormalisedUsernameAndGetsAnRs256Token() throws Exception {
        JsonNode tokens = signIn("ROOT", ADMIN_PASSWORD);

        JsonNode header = part(tokens.get("accessToken").asString(), 0);
        JsonNode claims = part(tokens.get("accessToken").asString(), 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(claims.get("name").asString()).isEqualTo("root");
        assertThat(claims.get("aud").toString()).contains("union-platform");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(600);
        assertThat(tokens.get("refreshToken").asString()).isNotBlank();
    }

    @Test
    void scopedAccountTokenCarriesItsScope() throws Exception {
        String organizer = createAccount("{\"roles\":[\"ORGANIZER\"],\"orgId\":\"xa\",\"orgPath\":\"/sx/xa/\"}");
        String attendant = createAccount("{\"roles\":[\"STATION_ATTENDANT\"],\"stations\":[\"st-9\",\"st-7\"]}");

        JsonNode organizerClaims = part(signIn(organizer, PASSWORD).get("accessToken").asString(), 1);
        assertThat(organizerClaims.get("org").asString()).isEqualTo("xa");
        assertThat(organizerClaims.get("org_path").asString()).isEqualTo("/sx/xa/");
        JsonNode attendantClaims = part(signIn(attendant, PASSWORD).get("accessToken").asString(), 1);
        assertThat(attendantClaims.get("stations").toString()).isEqualTo("[\"st-7\",\"st-9\"]");
        assertThat(attendantClaims.has("org_path")).isFalse();
    }

    @Test
    void accountEndpointsAreForAdminsAndOrganizersInTheirSubtree() throws Exception {
        String organizer = createAccount("{\"roles\":[\"ORGANIZER\"],\"orgId\":\"xb\",\"orgPath\":\"/sx/xb/\"}");
        String organizerToken = signIn(organizer, PASSWORD).get("accessToken").asString();
        String officer = createAccount("{\"roles\":[\"BENEFIT_OFFICER\"],\"orgId\":\"xb\",\"orgPath\":\"/sx/xb/\"}");
        String officerToken = signIn(officer, PASSWORD).get("accessToken").asString();

        assertProblem(send("GET", "/api/auth/accounts", null, null), 401);
        assertProblem(send("GET", "/api/auth/accounts", officerToken, null), 403);
        var organizersOwn = send("GET", "/api/auth/accounts?size=200", organizerToken, null);
        assertThat(organizersOwn.status()).isEqualTo(200);
        assertThat(json.readTree(organizersOwn.body()).get("items").toString()).contains(officer)
                .doesNotContain("\"root\"");
        assertProblem(send("GET", "/api/auth/audit", organizerToken, null), 403);
        assertProblem(send("POST", "/api/auth/keys/rotate", organizerToken, ""), 403);
        assertProblem(send("GET", "/api/auth/accounts", TestTokens.admin(), null), 401);
        var listed = send("GET", "/api/auth/accounts?size=200", adminToken(), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(json.readTree(listed.body()).get("items").toString()).contains(organizer)
                .doesNotContain("passwordHash", "$2a$");
    }

    @Test
    void invalidAccountRequestsAreBadRequestProblems() throws Exception {
        var invalid = send("POST", "/api/auth/accounts", adminToken(),
                "{\"username\":\"a\",\"password\":\"short\",\"roles\":[]}");
        assertProblem(invalid, 400);
        assertThat(json.readTree(invalid.body()).get("errors").toString())
                .contains("username", "password", "roles");

        assertProblem(send("POST", "/api/auth/accounts", adminToken(),
                "{\"username\":\"someone\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"OWNER\"]}"), 400);
        assertProblem(send("POST", "/api/auth/accounts", adminToken(),
                "{\"username\":\"someone\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ADMIN\"],\"admin\":true}"),
                400);
        var wrongScope = send("POST", "/api/auth/accounts", adminToken(), "{\"username\":\"someone\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"ORGANIZER\"],\"orgId\":\"xa\",\"orgPath\":\"/sx/xb/\"}");
        assertProblem(wrongScope, 422);
        assertProblem(send("POST", "/api/auth/token", null, "{\"username\":\"\"}"), 400);
    }

    @Test
    void refreshRotatesAndReusingAnOldRefreshTokenRevokesTheFamily() throws Exception {
        String user = createAccount("{\"roles\":[\"ADMIN\"]}");
        String first = signIn(user, PASSWORD).get("refreshToken").asString();

        var refreshed = refresh(first);
        assertThat(refreshed.status()).isEqualTo(200);
        String second = json.readTree(refreshed.body()).get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(send("GET", "/api/auth/accounts", json.readTree(refreshed.body()).get("accessToken").asString(),
                null).status()).isEqualTo(200);

        assertProblem(refresh(first), 401);
        assertProblem(refresh(second), 401);
        assertThat(audit("action=REFRESH_TOKEN_REUSED").get("totalItems").asLong()).isPositive();
    }

    @Test
    void disabledAccountCanNeitherSignInNorRefresh() throws Exception {
        String user = createAccount("{\"roles\":[\"ADMIN\"]}");
        String refreshToken = signIn(user, PASSWORD).get("refreshToken").asString();
        String id = accountId(user);

        assertThat(send("POST", "/api/auth/accounts/" + id + "/disable", adminToken(), "").status())
                .isEqualTo(200);

        assertProblem(send("POST", "/api/auth/token", null, credentials(user, PASSWORD)), 401);
        assertProblem(refresh(refreshToken), 401);
        assertThat(send("POST", "/api/auth/accounts/" + id + "/enable", adminToken(), "").status())
                .isEqualTo(200);
        assertThat(signIn(user, PASSWORD).has("accessToken")).isTrue();
    }

    @Test
    void rotationPublishesOldAndNewKeysAndTokensOfBothStayValid() throws Exception {
        String before = adminToken();
        String oldKid = part(before, 0).get("kid").asString();
        List<String> published = kids();
        assertThat(published).contains(oldKid).hasSizeGreaterThanOrEqualTo(2);

        var rotated = send("POST", "/api/auth/keys/rotate", before, "");
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = json.readTree(rotated.body()).get("activeKeyId").asString();

        String after = adminToken();
        assertThat(part(after, 0).get("kid").asString()).isEqualTo(newKid).isNotEqualTo(oldKid);
        // The new key was published as NEXT before it signed anything.
        assertThat(published).contains(newKid);
        assertThat(kids()).contains(oldKid, newKid);
        assertThat(send("GET", "/api/auth/accounts", before, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/auth/accounts", after, null).status()).isEqualTo(200);
        assertThat(audit("action=SIGNING_KEY_ROTATED").get("totalItems").asLong()).isPositive();
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndTheAuditLogShowsIt() throws Exception {
        String user = createAccount("{\"roles\":[\"ADMIN\"]}");

        for (int attempt = 1; attempt <= 9; attempt++) {
            assertProblem(send("POST", "/api/auth/token", null, credentials(user, "wrong-password-" + attempt)), 401);
        }
        var tenth = send("POST", "/api/auth/token", null, credentials(user, "wrong-password-10"));
        assertProblem(tenth, 429);
        assertThat(Long.parseLong(tenth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        var rightPasswordWhileLocked = send("POST", "/api/auth/token", null, credentials(user, PASSWORD));
        assertProblem(rightPasswordWhileLocked, 429);
        assertThat(rightPasswordWhileLocked.headers().firstValue("Retry-After")).isPresent();

        String target = "target=" + URLEncoder.encode("account:" + user, StandardCharsets.UTF_8);
        assertThat(audit(target + "&action=LOGIN_FAILED").get("totalItems").asLong()).isEqualTo(10);
        assertThat(audit(target + "&action=ACCOUNT_LOCKED").get("totalItems").asLong()).isEqualTo(1);
        assertThat(audit(target + "&action=LOGIN_REFUSED_LOCKED").get("totalItems").asLong()).isEqualTo(1);
        assertThat(audit(target + "&size=1").get("items").get(0).get("requestId").asString()).isNotBlank();
    }

    @Test
    void unknownUsernameAnswersExactlyLikeAnExistingOne() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 1; attempt <= 11; attempt++) {
            var response = send("POST", "/api/auth/token", null, credentials(ghost, "whatever-password"));
            statuses.add(response.status());
            assertThat(response.body()).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("exist");
        }
        assertThat(statuses.subList(0, 9)).containsOnly(401);
        assertThat(statuses.subList(9, 11)).containsOnly(429);
    }

    @Test
    void auditLogIsPagedAndFiltered() throws Exception {
        createAccount("{\"roles\":[\"ADMIN\"]}");

        JsonNode page = audit("action=ACCOUNT_CREATED&size=1");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("action").asString()).isEqualTo("ACCOUNT_CREATED");
        assertProblem(send("GET", "/api/auth/audit?size=500", adminToken(), null), 400);
    }

    @Test
    void jwksAndTokenEndpointsArePublicAndPublishNoPrivateParts() throws Exception {
        var jwks = send("GET", "/api/auth/jwks", null, null);

        assertThat(jwks.status()).isEqualTo(200);
        for (JsonNode key : json.readTree(jwks.body()).get("keys")) {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("d")).isFalse();
            assertThat(key.has("p")).isFalse();
        }
    }

    private String createAccount(String accessJson) throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + username.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\","
                + accessJson.substring(1);
        var created = send("POST", "/api/auth/accounts", adminToken(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("username").asString()).isEqualTo(username);
        return username;
    }

    private String accountId(String username) throws Exception {
        for (JsonNode account : json.readTree(send("GET", "/api/auth/accounts?size=200", adminToken(), null).body())
                .get("items")) {
            if (account.get("username").asString().equals(username)) {
                return account.get("id").asString();
            }
        }
        throw new AssertionError("no account " + username);
    }

    private String adminToken() throws Exception {
        return signIn("root", ADMIN_PASSWORD).get("accessToken").asString();
    }

    private JsonNode signIn(String username, String password) throws Exception {
        var response = send("POST", "/api/auth/token", null, credentials(username, password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        return json.readTree(response.body());
    }

    private HttpAnswer refresh(String refreshToken) throws Exception {
        return send("POST", "/api/auth/token/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private JsonNode audit(String query) throws Exception {
        var response = send("GET", "/api/auth/audit?" + query, adminToken(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<String> kids() throws Exception {
        List<String> kids = new ArrayList<>();
        json.readTree(send("GET", "/api/auth/jwks", null, null).body()).get("keys")
                .forEach(key -> kids.add(key.get("kid").asString()));
        return kids;
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private JsonNode part(String jwt, int index) {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private void assertProblem(HttpAnswer response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("requestId")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private HttpAnswer send(String method, String path, String token, String body) {
        return http().send(method, path, token, body);
    }
}
