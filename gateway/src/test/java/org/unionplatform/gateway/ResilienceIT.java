package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

class ResilienceIT extends GatewayIntegrationTest {

    @Test
    void aGetMetByAnUnavailableBackendIsRetriedAndSucceeds() {
        STATION.stubFor(get(urlEqualTo("/api/stations/3")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        STATION.stubFor(get(urlEqualTo("/api/stations/3")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":3}")));

        client.get().uri("/api/stations/3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(3);

        STATION.verify(2, getRequestedFor(urlEqualTo("/api/stations/3")));
    }

    @Test
    void aPostIsNeverRetriedAndTheBackendAnswerPassesThrough() {
        STATION.stubFor(post(urlEqualTo("/api/checkins")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"from\":\"station\"}")));

        client.post().uri("/api/checkins").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stationId\":3}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.from").isEqualTo("station");

        STATION.verify(1, postRequestedFor(urlEqualTo("/api/checkins")));
    }

    @Test
    void aBackend500PassesThroughUnchangedAndIsNotRetried() {
        BENEFITS.stubFor(get(urlEqualTo("/api/benefits/7")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"benefits broke\"}")));

        client.get().uri("/api/benefits/7").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.title").isEqualTo("benefits broke");

        BENEFITS.verify(1, getRequestedFor(urlEqualTo("/api/benefits/7")));
    }

    @Test
    void aBackendSlowerThanTheRouteTimeoutGivesA504Problem() {
        ORGANIZATION.stubFor(get(urlEqualTo("/api/organizations/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

        client.get().uri("/api/organizations/slow").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.service").isEqualTo("organization-service")
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void theMonthlyReportsSpreadsheetMayTakeLongerThanTheRouteTimeout() {
        ORGANIZATION.stubFor(get(urlEqualTo("/api/organizations/xian/reports/monthly/xlsx?year=2026&month=11"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)
                        .withHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .withBody("xlsx")));

        client.get().uri("/api/organizations/xian/reports/monthly/xlsx?year=2026&month=11").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("xlsx");

        ORGANIZATION.verify(1, getRequestedFor(urlEqualTo("/api/organizations/xian/reports/monthly/xlsx?year=2026&month=11")));
    }
}
