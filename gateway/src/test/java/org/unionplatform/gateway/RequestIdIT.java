package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestIdIT extends GatewayIntegrationTest {

    private static final String HEADER = "X-Request-Id";

    @BeforeEach
    void membershipAnswers() {
        // The backend echoes an id of its own: the gateway's must be the only one the client sees.
        MEMBERSHIP.stubFor(get(urlEqualTo("/api/members/1"))
                .willReturn(aResponse().withStatus(200).withHeader(HEADER, "backend-chosen-id").withBody("{}")));
    }

    @Test
    void aRequestWithoutIdGetsAFreshUuidSentToTheBackendAndReturned() {
        String returned = client.get().uri("/api/members/1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HEADER, "[0-9a-f-]{36}")
                .expectBody().returnResult().getResponseHeaders().getFirst(HEADER);

        assertThat(UUID.fromString(returned)).isNotNull();
        MEMBERSHIP.verify(getRequestedFor(urlEqualTo("/api/members/1")).withHeader(HEADER, equalTo(returned)));
    }

    @Test
    void aSaneClientIdIsKeptEndToEnd() {
        client.get().uri("/api/members/1").header(HEADER, "mobile-app.7f3a_2026").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HEADER, "mobile-app.7f3a_2026")
                .expectBody();

        MEMBERSHIP.verify(getRequestedFor(urlEqualTo("/api/members/1"))
                .withHeader(HEADER, equalTo("mobile-app.7f3a_2026")));
    }

    @Test
    void anInsaneClientIdIsReplacedBeforeItReachesTheBackend() {
        String returned = client.get().uri("/api/members/1").header(HEADER, "short;drop table").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HEADER, "[0-9a-f-]{36}")
                .expectBody().returnResult().getResponseHeaders().getFirst(HEADER);

        MEMBERSHIP.verify(getRequestedFor(urlEqualTo("/api/members/1")).withHeader(HEADER, equalTo(returned)));
    }

    @Test
    void errorsTheGatewayAnswersItselfCarryTheIdInHeaderAndBody() {
        client.get().uri("/no-such-route").header(HEADER, "trace-me-12345").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HEADER, "trace-me-12345")
                .expectBody().jsonPath("$.requestId").isEqualTo("trace-me-12345");
    }
}
