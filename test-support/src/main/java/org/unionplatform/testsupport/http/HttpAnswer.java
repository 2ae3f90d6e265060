package org.unionplatform.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * What a test got back: status, headers and body (as text, bytes or JSON), how long it took, and the body read as an
 * RFC 9457 problem.
 */
public record HttpAnswer(int status, HttpHeaders headers, byte[] bytes, Duration took) {

    /** The body as UTF-8 text. */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a JSON null for an empty body. */
    public JsonNode json() {
        return bytes.length == 0 ? HttpTestClient.JSON.nullNode() : HttpTestClient.JSON.readTree(bytes);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public boolean isJson() {
        return contentType().contains("json");
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    /** The body as a problem detail; fails when the answer is not one. */
    public Problem problem() {
        assertThat(isProblem()).as("a problem answer: " + this).isTrue();
        return new Problem(json());
    }

    /** Asserts the status (showing the body when it differs) and answers the body as JSON. */
    public JsonNode expect(int expected) {
        assertThat(status).as(body()).isEqualTo(expected);
        return json();
    }

    /** A problem answer with this status naming the field and/or the rule (null: not checked). */
    public JsonNode expectProblem(int expected, String field, String rule) {
        expect(expected);
        Problem problem = problem();
        if (rule != null) {
            assertThat(problem.rule()).isEqualTo(rule);
        }
        if (field != null) {
            assertThat(problem.names(field)).as("problem names field " + field + ": " + problem).isTrue();
        }
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem.json();
    }

    @Override
    public String toString() {
        return status + " " + body();
    }

    /** An RFC 9457 problem detail with the platform's extensions ({@code rule}, {@code field}, {@code errors}). */
    public record Problem(JsonNode json) {

        public String type() {
            return json.path("type").asString();
        }

        public String title() {
            return json.path("title").asString();
        }

        public int status() {
            return json.path("status").asInt();
        }

        public String detail() {
            return json.path("detail").asString();
        }

        public String rule() {
            return json.path("rule").asString();
        }

        public String field() {
            return json.path("field").asString();
        }

        public JsonNode errors() {
            return json.path("errors");
        }

        /** Whether the problem names this field, itself or in one of its errors. */
        public boolean names(String fieldName) {
            boolean named = fieldName.equals(field());
            for (JsonNode error : errors()) {
                named |= fieldName.equals(error.path("field").asString());
            }
            return named;
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
