package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class GatewaySecurityIT extends GatewayIntegrationTest {

    private static final List<WireMockServer> BACKENDS = List.of(ORGANIZATION, MEMBERSHIP, STATION, BENEFITS);

    @BeforeEach
    void everyBackendAnswers() {
        BACKENDS.forEach(backend -> backend.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"))));
    }

    static Stream<Arguments> protectedRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/members/1"),
                Arguments.of("GET", "/api/organizations"),
                Arguments.of("GET", "/api/auth/accounts"),
                Arguments.of("GET", "/api/members/applications"),
                Arguments.of("POST", "/api/checkins"),
                Arguments.of("GET", "/api/stations/7"),
                Arguments.of("DELETE", "/api/benefits/claims/5"),
                Arguments.of("GET", "/api/no-such-route"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedRoutes")
    void aProtectedRouteWithoutATokenIsA401ProblemAndNeverReachesTheBackend(String method, String path) {
        anonymous.method(HttpMethod.valueOf(method)).uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("This resource needs a bearer access token.")
                .jsonPath("$.requestId").isNotEmpty();

        BACKENDS.forEach(backend -> backend.verify(0, anyRequestedFor(anyUrl())));
    }

    static Stream<Arguments> publicRoutes() {
        return Stream.of(
                Arguments.of("POST", "/api/auth/token", ORGANIZATION),
                Arguments.of("POST", "/api/auth/token/refresh", ORGANIZATION),
                Arguments.of("GET", "/api/auth/jwks", ORGANIZATION),
                Arguments.of("POST", "/api/auth/oauth/token", ORGANIZATION),
                Arguments.of("GET", "/api/stations/nearby?lat=34.26&lon=108.94", STATION),
                Arguments.of("GET", "/api/stations/directory?divisionCode=610113", STATION),
                Arguments.of("POST", "/api/stations/along-route", STATION),
                Arguments.of("GET", "/api/stations/corridors", STATION),
                Arguments.of("GET", "/api/stations/corridors/G65-yulin/ahead?lat=38.2&lon=109.785", STATION),
                Arguments.of("POST", "/api/members/applications", MEMBERSHIP),
                Arguments.of("POST", "/api/members/sign-in/codes", MEMBERSHIP),
                Arguments.of("POST", "/api/members/sign-in/phone/codes", MEMBERSHIP),
                Arguments.of("POST", "/api/members/applications/status/codes", MEMBERSHIP),
                Arguments.of("POST", "/api/members/applications/status", MEMBERSHIP),
                Arguments.of("POST", "/api/members/help/codes", MEMBERSHIP),
                Arguments.of("GET", "/api/members/help/my-cases", MEMBERSHIP),
                Arguments.of("GET", "/api/organizations/places?parent=610000", ORGANIZATION),
                Arguments.of("GET", "/organization-service/actuator/health", ORGANIZATION),
                Arguments.of("GET", "/membership-service/actuator/health/readiness", MEMBERSHIP),
                Arguments.of("GET", "/station-service/actuator/health/liveness", STATION),
                Arguments.of("GET", "/benefits-service/v3/api-docs", BENEFITS));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicRoutes")
    void aPublicRouteIsOpenWithoutAToken(String method, String path, WireMockServer backend) {
        var request = anonymous.method(HttpMethod.valueOf(method)).uri(path);
        if (method.equals("POST")) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        request.exchange().expectStatus().isOk().expectBody();

        backend.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @MethodSource("gatewayOwnPublicPaths")
    void theGatewaysOwnHealthInfoMetricsAndDocsAreOpenWithoutAToken(String path) {
        anonymous.get().uri(path).exchange().expectStatus().value(status -> assertThat(status).isIn(200, 302)).expectBody();
    }

    static List<String> gatewayOwnPublicPaths() {
        return List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/webjars/swagger-ui/index.html");
    }

    @Test
    void prometheusIsOpenWithoutAToken() {
        // Not through the default clients' body check: metric tags may name exception classes.
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody();
    }

    static Stream<Arguments> forgedTokens() {
        return ISSUER.forged().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void aForgedTokenIsA401AndNeverReachesTheBackend(String kind, String token) {
        anonymous.get().uri("/api/members/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.detail").isEqualTo("The access token is not valid; sign in again.");

        MEMBERSHIP.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyForgedKindIsCovered() {
        assertThat(ISSUER.forged()).containsOnlyKeys("alg-none", "hs256-with-public-key", "foreign-key", "expired",
                "not-yet-valid", "wrong-issuer", "wrong-audience", "unknown-kid");
    }

    @Test
    void aValidTokenPassesThroughWithTheAuthorizationHeaderUnchangedAndNoIdentityHeadersAdded() {
        String authorization = "Bearer " + ISSUER.token("organizer-7");

        anonymous.get().uri("/api/members/1").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk().expectBody();

        MEMBERSHIP.verify(1, getRequestedFor(urlEqualTo("/api/members/1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo(authorization))
                .withoutHeader("X-User-Id").withoutHeader("X-Roles").withoutHeader("X-Forwarded-User"));
    }

    @Test
    void onlyThePostOfAPublicWriteIsPublic() {
        // POST /api/members/applications is the public application; reading applications is staff work.
        Map.of("/api/members/applications", MEMBERSHIP, "/api/auth/token", ORGANIZATION).forEach((path, backend) ->
                anonymous.get().uri(path).exchange().expectStatus().isUnauthorized().expectBody());

        BACKENDS.forEach(backend -> backend.verify(0, anyRequestedFor(anyUrl())));
    }
}
