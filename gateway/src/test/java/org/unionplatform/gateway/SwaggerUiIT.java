package org.unionplatform.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

class SwaggerUiIT extends GatewayIntegrationTest {

    @Test
    void theSwaggerPageListsTheGatewayAndEveryService() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(5)
                .jsonPath("$.urls[?(@.name == 'gateway')].url").isEqualTo("/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'organization-service')].url").isEqualTo("/organization-service/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'membership-service')].url").isEqualTo("/membership-service/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'station-service')].url").isEqualTo("/station-service/v3/api-docs")
                .jsonPath("$.urls[?(@.name == 'benefits-service')].url").isEqualTo("/benefits-service/v3/api-docs");
    }

    @Test
    void theGatewayDocumentDescribesTheProblemShape() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("union-platform gateway")
                .jsonPath("$.components.schemas.Problem.properties.service").exists();
    }

    @Test
    void theSwaggerUiPageIsServed() {
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody();
    }

    @Test
    void healthInfoAndPrometheusAreExposedButNothingElse() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody();
        // Without the body check of the shared clients: metric tags name the exception types of refused requests.
        // A generous timeout: the scrape of every meter the suite's requests left took over 30 s once on a CI
        // machine at load average 10 (SwaggerUiIT alone answers in well under a second).
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(90)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound().expectBody();
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound().expectBody();
    }
}
