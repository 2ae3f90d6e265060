package org.unionplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
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
        var response = http().request("GET", "/things/admin").header("X-User-Id", "admin-1")
                .header("X-Roles", "ADMIN").header("X-Forwarded-User", "admin").send();

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

        assertThat(response.status()).isEqualTo(200);
        assertThat(HANDLER_CALLS).hasValue(1);
    }

    @Test
    void callerComesFromTheTokenClaims() throws Exception {
        var response = get("/things/me", TestTokens.attendant("st-1", "st-2"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode caller = json.readTree(response.body());
        assertThat(caller.get("roles").get(0).asString()).isEqualTo("STATION_ATTENDANT");
        assertThat(caller.get("stations")).extracting(JsonNode::asString).containsExactlyInAnyOrder("st-1", "st-2");
    }

    @Test
    void outOfScopeObjectIsNotFoundAndInScopeIsServed() throws Exception {
        assertThat(get("/things/scoped/inside", TestTokens.organizer("/sx/xa/")).status()).isEqualTo(200);
        assertProblem(get("/things/scoped/outside", TestTokens.organizer("/sx/xa/")), 404);
        assertThat(get("/things/scoped/outside", TestTokens.admin()).status()).isEqualTo(200);
    }

    @Test
    void platformAndServicePublicPathsNeedNoToken() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus", "/v3/api-docs")) {
            assertThat(get(path, null).status()).as(path).isNotIn(401, 403);
        }
        assertThat(get("/open/hello", null).status()).isEqualTo(200);
        var application = http().post("/applications", null, null);
        assertThat(application.status()).isEqualTo(200);
    }

    @Test
    void publicPathWithAMethodOpensOnlyThatMethod() throws Exception {
        assertProblem(get("/applications", null), 401);
    }

    private void assertProblem(HttpAnswer response, int status) throws Exception {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("requestId")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private HttpAnswer get(String path, String token) {
        return http().get(path, token);
    }

    private HttpTestClient http() {
        return HttpTestClient.local(port);
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
