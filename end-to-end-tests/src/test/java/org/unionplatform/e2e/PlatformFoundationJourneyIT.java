package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The foundation as a client sees it through the gateway: everything healthy, one API page, tokens required,
 * and a stopped service answered for at once with a 503 problem while the others carry on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFoundationJourneyIT {

    private final PlatformUnderTest platform = PlatformUnderTest.get();
    private final HttpTestClient gateway = HttpTestClient.at(platform.gateway());

    @Test
    @Order(1)
    void theGatewayAndEveryServiceAreHealthyThroughTheGateway() {
        assertThat(gateway.get("/actuator/health", null).status()).isEqualTo(200);
        for (String service : PlatformUnderTest.SERVICES) {
            HttpAnswer health = gateway.get("/" + service + "/actuator/health", null);
            assertThat(health.status()).as(service).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.body()).as("no details for anonymous callers").doesNotContain("mongo", "rabbit");
        }
    }

    @Test
    @Order(2)
    void oneSwaggerPageListsFiveDocumentsAndEachAnswers() {
        JsonNode config = gateway.get("/v3/api-docs/swagger-config", null).json();
        List<String> urls = new ArrayList<>();
        config.get("urls").forEach(entry -> urls.add(entry.get("url").asString()));

        assertThat(urls).hasSize(5);
        for (String url : urls) {
            HttpAnswer document = gateway.get(url, null);
            assertThat(document.status()).as(url).isEqualTo(200);
            assertThat(document.json().has("openapi")).as(url).isTrue();
        }
    }

    @Test
    @Order(3)
    void everyServiceNeedsATokenThroughTheGatewayAndDirectly() {
        HttpAnswer throughGateway = gateway.get("/api/auth/accounts", null);
        HttpAnswer direct = HttpTestClient.at(platform.direct("organization-service")).get("/api/auth/accounts", null);

        assertThat(throughGateway.status()).isEqualTo(401);
        assertThat(throughGateway.isProblem()).isTrue();
        assertThat(direct.status()).isEqualTo(401);
        String admin = gateway.signIn("admin", platform.adminPassword());
        assertThat(gateway.get("/api/auth/accounts", admin).status()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void aStoppedServiceAnswers503ProblemAtOnceWhileTheOthersCarryOn() {
        String admin = gateway.signIn("admin", platform.adminPassword());
        platform.stop("station-service");
        try {
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                HttpAnswer answer = gateway.send(method, "/api/stations/any", admin,
                        method.equals("GET") || method.equals("DELETE") ? null : "{}");
                assertThat(answer.status()).as(method).isEqualTo(503);
                assertThat(answer.isProblem()).as(method).isTrue();
                assertThat(answer.json().get("service").asString()).isEqualTo("station-service");
                assertThat(answer.took()).as(method).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(gateway.get("/organization-service/actuator/health", null).status()).isEqualTo(200);
            assertThat(gateway.get("/api/auth/accounts", admin).status()).isEqualTo(200);
        } finally {
            platform.restart("station-service");
        }
        assertThat(gateway.get("/station-service/actuator/health", null).status()).isEqualTo(200);
    }
}
