package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The limits on the real Redis of this machine (the shared context's configuration). */
class RateLimitIT extends GatewayIntegrationTest {

    @BeforeEach
    void backendsAnswer() {
        MEMBERSHIP.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        ORGANIZATION.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void twoHundredRequestsInASecondFromOneClientGetTheExcessRefusedAndAnotherClientIsUnaffected() {
        Burst burst = Burst.of(port, ISSUER.token("burst-" + RATE_LIMIT_PREFIX), "/api/members/1", 200);

        burst.assertExcessRefused(100, 5);
        assertThat(TestRedis.keysStartingWith(RATE_LIMIT_PREFIX)).as("buckets live in Redis").isNotEmpty();
        client.get().uri("/api/members/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token("bystander-" + RATE_LIMIT_PREFIX))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aRefusalIsA429ProblemWithRetryAfter() {
        String token = ISSUER.token("problem-" + RATE_LIMIT_PREFIX);
        Burst.of(port, token, "/api/members/1", 150);

        // Redis' clock counts whole seconds: a new second after the burst refills 5 tokens, so the request after the
        // burst may pass; within 20 more one is refused.
        EntityExchangeResult<byte[]> refusal = null;
        for (int attempt = 0; attempt < 20 && refusal == null; attempt++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/members/1")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refusal = result;
            }
        }
        assertThat(refusal).as("a refusal within 20 requests after the bucket is emptied").isNotNull();
        HttpHeaders headers = refusal.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        DocumentContext body = JsonPath.parse(new String(refusal.getResponseBodyContent(), StandardCharsets.UTF_8));
        assertThat(body.read("$.status", Integer.class)).isEqualTo(429);
        assertThat(body.read("$.title", String.class)).isEqualTo("Too many requests");
        assertThat(body.read("$.requestId", String.class)).isNotEmpty();
    }

    @Test
    void signInIsLimitedStrictlyPerClientAddressAndOtherAddressesAreUnaffected() {
        int refused = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            int status = anonymous.post().uri("/api/auth/token").header("X-Forwarded-For", "203.0.113.7")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":\"li\",\"password\":\"x\"}")
                    .exchange().expectBody().returnResult().getStatus().value();
            if (status == 429) {
                refused++;
            }
        }
        // 10 at once, then one every 6 s: at least the 11th or 12th is refused.
        assertThat(refused).isBetween(1, 2);

        anonymous.post().uri("/api/auth/token").header("X-Forwarded-For", "198.51.100.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void anAnonymousClientIsKeyedByItsAddressNotByAForgedHeaderFromAnUntrustedPeer() {
        // From loopback (trusted here) the right-most untrusted X-Forwarded-For entry is the client.
        for (int attempt = 0; attempt < 10; attempt++) {
            anonymous.post().uri("/api/members/applications")
                    .header("X-Forwarded-For", "192.0.2.1, 203.0.113.50")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk().expectBody();
        }
        // Changing the left-most (client-written) entry does not buy a fresh bucket.
        anonymous.post().uri("/api/members/applications")
                .header("X-Forwarded-For", "192.0.2.99, 203.0.113.50")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(429).expectBody();
    }
}
