package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running gateway on a random port in front of four WireMock backends. Every subclass that adds no
 * properties of its own shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayIntegrationTest {

    static final String ALLOWED_ORIGIN = "http://localhost:5173";

    // Started once per JVM and shared by every test class, like the application context.
    static final WireMockServer ORGANIZATION = started();
    static final WireMockServer MEMBERSHIP = started();
    static final WireMockServer STATION = started();
    static final WireMockServer BENEFITS = started();

    static final TestIssuer ISSUER = new TestIssuer();
    /** Subject of the default client's token; tests that exhaust a limit use subjects of their own. */
    static final String TEST_SUBJECT = "gateway-tests";
    // One prefix per test run on the shared Redis; every key under it is deleted after each test.
    static final String RATE_LIMIT_PREFIX = "gateway-test-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    /** Carries a valid token, as most calls through the gateway do. */
    WebTestClient client;
    /** Carries no token. */
    WebTestClient anonymous;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("ORGANIZATION_SERVICE_URI", ORGANIZATION::baseUrl);
        // A class may point membership-service elsewhere through test.membership-service-uri (placeholders in
        // dynamic values are resolved, and which of two registrations of one name wins is not defined).
        registry.add("MEMBERSHIP_SERVICE_URI", () -> "${test.membership-service-uri:" + MEMBERSHIP.baseUrl() + "}");
        registry.add("STATION_SERVICE_URI", STATION::baseUrl);
        registry.add("BENEFITS_SERVICE_URI", () -> "${test.benefits-service-uri:" + BENEFITS.baseUrl() + "}");
        registry.add("platform.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        // Short, so the timeout test does not wait five seconds.
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1500ms");
        registry.add("platform.security.jwks-uri", ISSUER::jwksUri);
        registry.add("platform.security.issuer", () -> TestIssuer.ISSUER);
        registry.add("platform.security.audience", () -> TestIssuer.AUDIENCE);
        // The real Redis of this machine, unless a class points the limiter elsewhere (test.redis-port).
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> "${test.redis-port:" + TestRedis.PORT + "}");
        registry.add("platform.gateway.rate-limit.key-prefix", () -> RATE_LIMIT_PREFIX);
        // Generous: on this busy shared machine a slow Redis answer would otherwise split a client's requests
        // between the Redis and the in-memory bucket.
        registry.add("platform.gateway.rate-limit.redis-timeout", () -> "2s");
        // Tests stand for many clients by sending X-Forwarded-For from loopback.
        registry.add("platform.gateway.rate-limit.trusted-proxies", () -> "127.0.0.1");
        // A slow refill, so "the excess is refused" does not depend on how fast this machine sends.
        registry.add("platform.gateway.rate-limit.normal.replenish-rate", () -> "5");
    }

    @BeforeEach
    void freshBackendsAndClient() {
        List.of(ORGANIZATION, MEMBERSHIP, STATION, BENEFITS).forEach(WireMockServer::resetAll);
        anonymous = clientBuilder().build();
        client = clientBuilder().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token(TEST_SUBJECT)).build();
    }

    @AfterEach
    void deleteRateLimitKeys() {
        TestRedis.deleteKeysStartingWith(RATE_LIMIT_PREFIX);
    }

    WebTestClient.Builder clientBuilder() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                // Generous: on a 2-core machine shared with a whole build, a first request can wait on JIT and GC.
                .responseTimeout(Duration.ofSeconds(30))
                .entityExchangeResultConsumer(GatewayIntegrationTest::revealsNoInternals);
    }

    /** Checked on every response any test reads: no exception names, no stack frames. */
    static void revealsNoInternals(EntityExchangeResult<?> result) {
        byte[] body = result.getResponseBodyContent();
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
