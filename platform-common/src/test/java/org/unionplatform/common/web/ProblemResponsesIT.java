package org.unionplatform.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.testing.PlatformWebTest;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every way a request can fail ends in an RFC 9457 problem response with the right status,
 * each field named, the request id attached, and nothing of the server's internals. Security is proven in
 * ResourceServerIT, which shares this context; here every request carries an administrator's token to
 * reach the handlers. (Public only so that the shared {@code PlatformWebTestApplication} can import its
 * controller.)
 */
@PlatformWebTest
public class ProblemResponsesIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void invalidFieldsAreEachNamed() throws Exception {
        var response = post("/samples", "{\"name\":\"\",\"code\":\"abc\",\"count\":7}");

        assertProblem(response, 400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("code", "count", "name");
    }

    @Test
    void unknownPropertyIsRejectedAndNamed() throws Exception {
        var response = post("/samples", "{\"name\":\"a\",\"code\":\"123456\",\"count\":1,\"role\":\"ADMIN\"}");

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        var response = post("/samples", "{\"name\": ");

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Malformed request body");
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        var response = post("/samples", "{\"name\":\"a\",\"code\":\"123456\",\"count\":\"many\"}");

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("count");
    }

    @Test
    void invalidQueryParameterIsNamed() throws Exception {
        var response = get("/samples?size=500");

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void unknownResourceAndUnknownPathAreNotFound() throws Exception {
        var missing = get("/samples/42");
        assertProblem(missing, 404);
        assertThat(json.readTree(missing.body()).get("resource").asString()).isEqualTo("Sample");

        assertProblem(get("/no/such/path"), 404);
    }

    @Test
    void conflictsAndBrokenRulesHaveTheirOwnStatus() throws Exception {
        assertProblem(post("/samples/duplicate", "{}"), 409);

        var ruleBroken = post("/samples/over-budget", "{}");
        assertProblem(ruleBroken, 422);
        assertThat(json.readTree(ruleBroken.body()).get("rule").asString()).isEqualTo("budget");
    }

    @Test
    void unexpectedFailureRevealsNoInternals() throws Exception {
        var response = get("/samples/boom");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "at org.");
    }

    @Test
    void requestIdIsKeptWhenSaneAndReplacedWhenNot() throws Exception {
        var kept = request("GET", "/samples/42").header("X-Request-Id", "abc-12345678").send();
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("abc-12345678");
        assertThat(json.readTree(kept.body()).get("requestId").asString()).isEqualTo("abc-12345678");

        var replaced = request("GET", "/samples/42").header("X-Request-Id", "<script>").send();
        assertThat(replaced.headers().firstValue("X-Request-Id")).get().asString().hasSize(36);
    }

    private void assertProblem(HttpAnswer response, int status) throws Exception {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.has("requestId")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "trace", "at org.", "at java.");
    }

    private HttpAnswer get(String path) {
        return request("GET", path).send();
    }

    private HttpAnswer post(String path, String body) {
        return request("POST", path).json(body).send();
    }

    private HttpTestClient.Request request(String method, String path) {
        return HttpTestClient.local(port).request(method, path).token(TestTokens.admin());
    }

    record SampleRequest(@NotBlank String name, @Pattern(regexp = "\\d{6}") String code, @Max(5) int count) {
    }

    @RestController
    @Validated
    public static class SampleController {

        @PostMapping("/samples")
        SampleRequest create(@Valid @RequestBody SampleRequest request) {
            return request;
        }

        @GetMapping("/samples")
        List<String> list(@RequestParam(required = false) @Max(PageQuery.MAX_SIZE) Integer size) {
            return List.of();
        }

        @GetMapping("/samples/{id}")
        SampleRequest find(@PathVariable long id) {
            throw new ResourceNotFoundException("Sample", id);
        }

        @GetMapping("/samples/boom")
        SampleRequest boom() {
            throw new IllegalStateException("secret detail");
        }

        @PostMapping("/samples/duplicate")
        void duplicate() {
            throw new DuplicateKeyException("E11000 duplicate key error collection: secret.samples");
        }

        @PostMapping("/samples/over-budget")
        void overBudget() {
            throw new BusinessRuleViolationException("budget", "The program's budget is used up.");
        }
    }
}
