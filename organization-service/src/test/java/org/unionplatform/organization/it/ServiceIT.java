package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One configuration for every IT of the service (Spring caches one context): the real service on a random
 * port, this JVM's MongoDB and broker, and the demo data loaded as on the first start of the run command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.demo-data.enabled=true",
        "platform.demo-data.password=" + ServiceIT.DEMO_PASSWORD,
        "platform.auth.bcrypt-strength=4"})
public abstract class ServiceIT {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    protected static final String ADMIN = TestTokens.admin();
    protected static final String XIAN_ORGANIZER = TestTokens.organizer("/shaanxi/xian/");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    protected Response send(String method, String path, String token, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    protected Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    protected Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    protected Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Creates an organisation as ADMIN and answers its JSON. */
    protected JsonNode createOrganization(String name, String kind, String division, String parentId,
            String... workerTypes) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("divisionCode", division);
        body.put("workerTypes", java.util.List.of(workerTypes));
        body.put("parentId", parentId);
        if (kind.equals("PLATFORM_UNION")) {
            body.put("platforms", java.util.List.of("platform-" + UUID.randomUUID()));
        }
        return post("/api/organizations", ADMIN, body).expect(201);
    }

    /** An HTTP answer: status, body as JSON, headers. */
    public record Response(int status, byte[] bytes, java.net.http.HttpHeaders headers, ObjectMapper json) {

        public JsonNode body() {
            return bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
        }

        public JsonNode expect(int expected) {
            assertThat(status).as(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);
            return body();
        }

        /** A problem response with this status naming the field and/or the rule. */
        public JsonNode expectProblem(int expected, String field, String rule) {
            JsonNode problem = expect(expected);
            assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            if (rule != null) {
                assertThat(problem.path("rule").asString()).isEqualTo(rule);
            }
            if (field != null) {
                boolean named = field.equals(problem.path("field").asString());
                for (JsonNode error : problem.path("errors")) {
                    named |= field.equals(error.path("field").asString());
                }
                assertThat(named).as("problem names field " + field + ": " + problem).isTrue();
            }
            assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            return problem;
        }
    }
}
