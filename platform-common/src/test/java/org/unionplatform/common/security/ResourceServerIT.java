package org.unionplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.testing.PlatformWebTest;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A service with the platform's security: nothing without a valid token, every forged token refused
 * before the handler runs, roles enforced as 403 problems, scope misses as 404, public paths open.
 * (Public only so that the shared {@code PlatformWebTestApplication} can import its controller.)
 */
@PlatformWebTest
public class ResourceServerIT {

    static final AtomicInteger HANDLER_CALLS = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void resetCounter() {
        HANDLER_CALLS.set(0);
    }

    @Test
    void noTokenIsUnauthorizedProblem() throws Exception {
        var response = get("/things", null);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(HANDLER_CALLS).hasValue(0);
    }

    @TestFactory
    List<DynamicTest> everyForgedTokenIsUnauthorizedAndTheHandlerNeverRuns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> forged : TestTokens.forged().entrySet()) {
            tests.add(DynamicTest.dynamicTest(forged.getKey(), () -> {
                var response = get("/things/admin", forged.getValue());

                assertProblem(response, 401);
                assertThat(response.body()).doesNotContainIgnoringCase("signature").doesNotContain("kid");
                assertThat(HANDLER_CALLS).hasValue(0);
            }));
        }
        assertThat(tests).hasSize(8);
        return tests;
    }

    @Test
    void gatewayStyleHeadersAloneAreNotAnIdentity() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/things/admin")).header("X-User-Id", "admin-1")
                .header("X-Roles", "ADMIN").header("X-Forwarded-User", "admin").build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401);
        assertThat(HANDLER_CALLS).hasValue(0);
    }

    @Test
    void validTokenWithoutTheRoleIsForbiddenProblem() throws Exception {
        var response = get("/things/admin", TestTokens.organizer("/sx/xa/"));

        assertProblem(response, 403);
        assertThat(HANDLER_CALLS).hasValue(0);
    }

    @Test
    void validTokenWithTheRoleIsServed() throws Exception {
        var response = get("/things/admin", TestTokens.admin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HANDLER_CALLS).hasValue(1);
    }

    @Test
    void callerComesFromTheTokenClaims() throws Exception {
        var response = get("/things/me", TestTokens.attendant("st-1", "st-2"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode caller = json.readTree(response.body());
        assertThat(caller.get("roles").get(0).asString()).isEqualTo("STATION_ATTENDANT");
        assertThat(caller.get("stations")).extracting(JsonNode::asString).containsExactlyInAnyOrder("st-1", "st-2");
    }

    @Test
    void outOfScopeObjectIsNotFoundAndInScopeIsServed() throws Exception {
        assertThat(get("/things/scoped/inside", TestTokens.organizer("/sx/xa/")).statusCode()).isEqualTo(200);
        assertProblem(get("/things/scoped/outside", TestTokens.organizer("/sx/xa/")), 404);
        assertThat(get("/things/scoped/outside", TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void platformAndServicePublicPathsNeedNoToken() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus", "/v3/api-docs")) {
            assertThat(get(path, null).statusCode()).as(path).isNotIn(401, 403);
        }
        assertThat(get("/open/hello", null).statusCode()).isEqualTo(200);
        var application = http.send(HttpRequest.newBuilder(uri("/applications"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(application.statusCode()).isEqualTo(200);
    }

    @Test
    void publicPathWithAMethodOpensOnlyThatMethod() throws Exception {
        assertProblem(get("/applications", null), 401);
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("requestId")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record Thing(String id, String orgPath) {
    }

    @RestController
    public static class ThingController {

        private static final Map<String, Thing> THINGS = Map.of(
                "inside", new Thing("inside", "/sx/xa/bl/"),
                "outside", new Thing("outside", "/sx/xb/"));

        @GetMapping("/things")
        List<String> list() {
            HANDLER_CALLS.incrementAndGet();
            return List.of();
        }

        @GetMapping("/things/admin")
        @PreAuthorize("hasRole('ADMIN')")
        String adminOnly() {
            HANDLER_CALLS.incrementAndGet();
            return "secret";
        }

        @GetMapping("/things/me")
        Caller me(Caller caller) {
            return caller;
        }

        @GetMapping("/things/scoped/{id}")
        Thing scoped(@PathVariable String id, Caller caller) {
            return AccessScope.of(caller).requireInSubtree(java.util.Optional.ofNullable(THINGS.get(id)),
                    Thing::orgPath, "Thing", id);
        }

        @GetMapping("/open/hello")
        String hello() {
            return "hello";
        }

        @org.springframework.web.bind.annotation.RequestMapping("/applications")
        String apply() {
            return "applied";
        }
    }
}
