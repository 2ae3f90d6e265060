package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class SecurityHeadersIT extends GatewayIntegrationTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void aRoutedAnswerGetsTheStrictHeadersWhateverTheBackendSent() {
        ORGANIZATION.stubFor(get(urlEqualTo("/api/organizations/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Security-Policy", "default-src *")
                .withHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .withBody("{}")));
        // The first routed call of a fresh context may exceed the tests' short response timeout on a busy machine.
        client.get().uri("/api/organizations/1").exchange().expectBody();

        apiHeaders(client.get().uri("/api/organizations/1").exchange().expectStatus().isOk());
    }

    @Test
    void answersTheGatewayWritesItselfGetThemToo() {
        apiHeaders(anonymous.get().uri("/api/members/1").exchange().expectStatus().isUnauthorized());
        apiHeaders(client.get().uri("/api/nowhere").exchange().expectStatus().isNotFound());
        apiHeaders(anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk());
    }

    @Test
    void theSwaggerPageGetsTheRelaxedPolicyThatStillForbidsFramingAndOtherOrigins() {
        anonymous.get().uri("/webjars/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("*"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody();
    }

    @Test
    void noStrictTransportSecurityOverPlainHttpUnlessConfiguredBehindTls() {
        client.get().uri("/actuator/info").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security")
                .expectBody();
    }

    private static void apiHeaders(ResponseSpec response) {
        response.expectHeader().valueEquals("Content-Security-Policy", API_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody();
    }
}
