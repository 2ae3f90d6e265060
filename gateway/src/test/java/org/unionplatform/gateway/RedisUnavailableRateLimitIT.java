package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis configured but unreachable (its own context): the limits still hold, in memory, and it is counted. */
class RedisUnavailableRateLimitIT extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void redisIsDown(DynamicPropertyRegistry registry) {
        int deadPort = freePort();
        registry.add("test.redis-port", () -> deadPort);
    }

    @Test
    void theLimitsHoldInMemoryAndEachFallbackIsCounted() {
        MEMBERSHIP.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        double before = fallbacks();

        Burst burst = Burst.of(port, ISSUER.token("redis-down-" + RATE_LIMIT_PREFIX), "/api/members/1", 200);

        burst.assertExcessRefused(100, 5);
        assertThat(fallbacks() - before).isGreaterThanOrEqualTo(200);
        client.get().uri("/api/members/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token("bystander-" + RATE_LIMIT_PREFIX))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void theFallbackCounterIsPublishedForPrometheus() {
        MEMBERSHIP.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        client.get().uri("/api/members/1").exchange().expectStatus().isOk().expectBody();

        anonymous.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("gateway_ratelimit_redis_fallbacks_total"));
    }

    private double fallbacks() {
        return meters.get("gateway.ratelimit.redis.fallbacks").counter().count();
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
