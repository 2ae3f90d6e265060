package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** membership-service points at a port nothing listens on (its own context: the only class that needs it). */
class UnavailableServiceIT extends GatewayIntegrationTest {

    @DynamicPropertySource
    static void membershipIsDown(DynamicPropertyRegistry registry) {
        int deadPort = freePort();
        registry.add("test.membership-service-uri", () -> "http://127.0.0.1:" + deadPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
    void everyMethodGetsA503ProblemNamingTheService(String method) {
        var request = client.method(HttpMethod.valueOf(method)).uri("/api/members/12").header("X-Request-Id", "down-test-0001");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Li Wei\"}");
        }
        request.exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "down-test-0001")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("membership-service")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("membership-service is not available right now"))
                .jsonPath("$.instance").isEqualTo("/api/members/12")
                .jsonPath("$.requestId").isEqualTo("down-test-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/membership-service/actuator/health", "/api/members/bulk-enrolments"})
    void theServiceHealthAndBulkRoutesFallBackToo(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("membership-service");
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichThenAnswersWithoutTryingTheBackend() {
        // minimum-number-of-calls is 10 at a 50 % failure threshold: after ten refused calls the breaker is open.
        for (int call = 0; call < 10; call++) {
            client.get().uri("/api/members/breaker/" + call).exchange().expectStatus().isEqualTo(503).expectBody();
        }

        client.delete().uri("/api/members/breaker/open").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.service").isEqualTo("membership-service")
                .jsonPath("$.detail").isEqualTo(
                        "membership-service is not available right now (recent calls failed); please try again shortly.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/organizations/1", "/api/stations/1", "/api/benefits/1"})
    void otherServicesAreUnaffected(String path) {
        ORGANIZATION.stubFor(get(urlEqualTo("/api/organizations/1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        STATION.stubFor(get(urlEqualTo("/api/stations/1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        BENEFITS.stubFor(get(urlEqualTo("/api/benefits/1")).willReturn(aResponse().withStatus(200).withBody("{}")));

        client.get().uri(path).exchange().expectStatus().isOk().expectBody();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
