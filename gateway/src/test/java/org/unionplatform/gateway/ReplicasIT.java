package org.unionplatform.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of membership-service and of benefits-service behind the gateway (a comma-separated list in
 * MEMBERSHIP_SERVICE_URI / BENEFITS_SERVICE_URI): requests are spread over both, and when one is gone (connection
 * refused) reads and keyed aid issuance are answered by the other, while a plain write is not sent twice.
 */
class ReplicasIT extends GatewayIntegrationTest {

    // Fixed ports, so a stopped instance can come back where the gateway's list says it is.
    static final WireMockServer MEMBERSHIP_A = instance();
    static final WireMockServer MEMBERSHIP_B = instance();
    static final WireMockServer BENEFITS_A = instance();
    static final WireMockServer BENEFITS_B = instance();
    static final List<WireMockServer> INSTANCES = List.of(MEMBERSHIP_A, MEMBERSHIP_B, BENEFITS_A, BENEFITS_B);

    @DynamicPropertySource
    static void twoInstancesEach(DynamicPropertyRegistry registry) {
        registry.add("test.membership-service-uri", () -> MEMBERSHIP_A.baseUrl() + "," + MEMBERSHIP_B.baseUrl());
        registry.add("test.benefits-service-uri", () -> BENEFITS_A.baseUrl() + ", " + BENEFITS_B.baseUrl());
    }

    @BeforeEach
    void allInstancesUpAndAnswering() {
        for (WireMockServer instance : INSTANCES) {
            if (!instance.isRunning()) {
                instance.start();
            }
            instance.resetAll();
            String name = "instance-" + instance.port();
            instance.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"answeredBy\":\"" + name + "\"}")));
            instance.stubFor(any(urlPathMatching("/api/benefits/programs/.*/grants")).willReturn(aResponse()
                    .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"g1\"}")));
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(WireMockServer::stop);
    }

    @Test
    void requestsAreSpreadOverBothInstances() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/members/" + i).exchange().expectStatus().isOk().expectBody();
        }

        int first = MEMBERSHIP_A.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
        int second = MEMBERSHIP_B.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
        assertThat(first + second).isEqualTo(10);
        // Round robin: five each.
        assertThat(first).isEqualTo(5);
    }

    @Test
    void withOneInstanceDeadEveryReadIsAnsweredByTheOther() {
        MEMBERSHIP_A.stop();

        for (int i = 0; i < 12; i++) {
            client.get().uri("/api/members/" + i).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.answeredBy").isEqualTo("instance-" + MEMBERSHIP_B.port());
        }
        client.head().uri("/api/members/head").exchange().expectStatus().isOk();
    }

    @Test
    void withOneInstanceDeadAPlainWriteIsNotRetriedAndGetsTheServiceUnavailableProblem() {
        MEMBERSHIP_B.stop();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var result = client.post().uri("/api/members/notes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\":\"第" + i + "条\"}").exchange()
                    .expectBody(String.class).returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 503) {
                // The answer the gateway gives for a dead backend, as with a single instance (UnavailableServiceIT).
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseBody()).contains("\"title\":\"Service unavailable\"")
                        .contains("\"service\":\"membership-service\"");
            }
        }

        // Round robin sends every second write to the dead instance; those are not tried again on the live one.
        assertThat(statuses).containsOnly(200, 503).contains(503);
        long answered = statuses.stream().filter(status -> status == 200).count();
        assertThat(answered).isPositive();
        assertThat(MEMBERSHIP_A.countRequestsMatching(postRequestedFor(anyUrl()).build()).getCount())
                .isEqualTo((int) answered);
    }

    @Test
    void withOneInstanceDeadIssuingAidUnderAnIdempotencyKeyIsRetriedOnTheOther() {
        BENEFITS_A.stop();

        for (int i = 0; i < 4; i++) {
            client.post().uri("/api/benefits/programs/p" + i + "/grants")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\":\"m1\"}")
                    .exchange()
                    .expectStatus().isCreated();
        }
        assertThat(BENEFITS_B.countRequestsMatching(postRequestedFor(anyUrl()).build()).getCount()).isEqualTo(4);
        assertThat(BENEFITS_B.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getBodyAsString()).isEqualTo("{\"memberId\":\"m1\"}"));
    }

    private static WireMockServer instance() {
        WireMockServer server = new WireMockServer(wireMockConfig().port(freePort()).bindAddress("127.0.0.1"));
        server.start();
        return server;
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
