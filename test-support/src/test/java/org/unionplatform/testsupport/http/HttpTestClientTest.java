package org.unionplatform.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against a server that echoes what it received, and one that answers a problem. */
class HttpTestClientTest {

    private static HttpServer server;
    private static HttpTestClient http;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", HttpTestClientTest::echo);
        server.createContext("/problem", exchange -> answer(exchange, 422, "application/problem+json",
                "{\"status\":422,\"title\":\"规则不允许\",\"rule\":\"BUDGET\",\"errors\":[{\"field\":\"amountFen\"}]}"));
        server.createContext("/empty", exchange -> answer(exchange, 204, null, ""));
        server.start();
        http = HttpTestClient.local(server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void sendsTokenJsonAndHeadersAndReadsTheAnswer() {
        HttpAnswer answer = http.request("POST", "/echo").token("t-1").idempotencyKey("k-1")
                .json(Map.of("name", "工会")).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.isJson()).isTrue();
        assertThat(answer.json().get("method").asString()).isEqualTo("POST");
        assertThat(answer.json().get("authorization").asString()).isEqualTo("Bearer t-1");
        assertThat(answer.json().get("idempotencyKey").asString()).isEqualTo("k-1");
        assertThat(answer.json().get("contentType").asString()).isEqualTo("application/json");
        assertThat(answer.json().get("body").asString()).isEqualTo("{\"name\":\"工会\"}");
        assertThat(answer.header("X-Echo")).contains("yes");
    }

    @Test
    void aStringBodyIsSentAsItIsAndNoTokenSendsNoAuthorization() {
        HttpAnswer answer = http.post("/echo", null, "{\"raw\":true}");

        assertThat(answer.json().get("body").asString()).isEqualTo("{\"raw\":true}");
        assertThat(answer.json().get("authorization").isNull()).isTrue();
    }

    @Test
    void formsAndMultipartCarryTheirContentTypes() {
        HttpAnswer form = http.request("POST", "/echo").form(Map.of("grant_type", "client_credentials")).send();
        assertThat(form.json().get("contentType").asString()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.json().get("body").asString()).isEqualTo("grant_type=client_credentials");

        HttpAnswer upload = http.request("POST", "/echo")
                .multipart("file", "名单.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(upload.json().get("contentType").asString()).startsWith("multipart/form-data; boundary=");
        assertThat(upload.json().get("body").asString())
                .contains("name=\"file\"; filename=\"名单.csv\"", "Content-Type: text/csv", "a,b\n");
    }

    @Test
    void aProblemAnswerIsReadAsOne() {
        HttpAnswer answer = http.get("/problem", null);

        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.problem().rule()).isEqualTo("BUDGET");
        assertThat(answer.problem().names("amountFen")).isTrue();
        assertThat(answer.expectProblem(422, "amountFen", "BUDGET").get("title").asString()).isEqualTo("规则不允许");
        assertThatThrownBy(() -> answer.expect(200)).isInstanceOf(AssertionError.class).hasMessageContaining("BUDGET");
    }

    @Test
    void anEmptyBodyIsAJsonNull() {
        HttpAnswer answer = http.get("/empty", null);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.json().isNull()).isTrue();
        assertThat(answer.body()).isEmpty();
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var echoed = new java.util.LinkedHashMap<String, Object>();
        echoed.put("method", exchange.getRequestMethod());
        echoed.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        echoed.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        echoed.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        echoed.put("body", body);
        exchange.getResponseHeaders().add("X-Echo", "yes");
        answer(exchange, 200, "application/json", HttpTestClient.JSON.writeValueAsString(echoed));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
