package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;

class RoutingIT extends GatewayIntegrationTest {

    private static final Map<String, WireMockServer> BACKENDS = Map.of(
            "organization-service", ORGANIZATION,
            "membership-service", MEMBERSHIP,
            "station-service", STATION,
            "benefits-service", BENEFITS);

    @BeforeEach
    void everyBackendAnswersWithItsName() {
        BACKENDS.forEach((name, backend) -> backend.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"backend\":\"" + name + "\"}"))));
    }

    static Stream<Arguments> pathFamilies() {
        return Stream.of(
                Arguments.of("/api/organizations/federations/7?view=full", "organization-service", "/api/organizations/federations/7?view=full"),
                Arguments.of("/api/organizations", "organization-service", "/api/organizations"),
                Arguments.of("/api/auth/token", "organization-service", "/api/auth/token"),
                Arguments.of("/api/members/42", "membership-service", "/api/members/42"),
                Arguments.of("/api/members/bulk-enrolments/9", "membership-service", "/api/members/bulk-enrolments/9"),
                Arguments.of("/api/stations/near", "station-service", "/api/stations/near"),
                Arguments.of("/api/checkins/today", "station-service", "/api/checkins/today"),
                Arguments.of("/api/benefits/claims", "benefits-service", "/api/benefits/claims"),
                Arguments.of("/organization-service/actuator/health", "organization-service", "/actuator/health"),
                Arguments.of("/membership-service/actuator/health/readiness", "membership-service", "/actuator/health/readiness"),
                Arguments.of("/station-service/actuator/health/liveness", "station-service", "/actuator/health/liveness"),
                Arguments.of("/benefits-service/v3/api-docs", "benefits-service", "/v3/api-docs"),
                Arguments.of("/organization-service/v3/api-docs", "organization-service", "/v3/api-docs"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("pathFamilies")
    void eachPathFamilyReachesItsServiceUnderTheExpectedPath(String gatewayPath, String service, String backendPath) {
        client.get().uri(gatewayPath).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo(service);

        BACKENDS.get(service).verify(1, anyRequestedFor(urlEqualTo(backendPath)));
        BACKENDS.forEach((name, backend) -> {
            if (!name.equals(service)) {
                backend.verify(0, anyRequestedFor(anyUrl()));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("writeMethods")
    void writesArePassedThroughWithTheirBody(String method) {
        client.method(HttpMethod.valueOf(method)).uri("/api/benefits/claims/5")
                .header("Content-Type", "application/json")
                .bodyValue("{\"amount\":\"12.50\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("benefits-service");

        BENEFITS.verify(1, requestedFor(method, urlEqualTo("/api/benefits/claims/5"))
                .withRequestBody(equalToJson("{\"amount\":\"12.50\"}")));
    }

    static List<String> writeMethods() {
        return List.of("POST", "PUT", "PATCH", "DELETE");
    }
}
