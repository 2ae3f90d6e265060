package org.unionplatform.testsupport.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of every module's tests: requests as a browser or another service sends them, answers as an
 * {@link HttpAnswer} (status, headers, text, JSON, problem detail).
 * <pre>{@code
 * HttpTestClient http = HttpTestClient.local(port);
 * http.post("/api/things", token, Map.of("name", "x")).expect(201);
 * http.request("POST", "/api/things/1/grants").token(token).idempotencyKey("k-1").json(body).send();
 * http.request("POST", "/api/imports").token(token).multipart("file", "a.csv", "text/csv", bytes).send();
 * }</pre>
 * A body that is not a String is written as JSON; a String is sent as it is (as JSON unless another content type
 * is set).
 * <p>
 * Over 200 lines on purpose: the request builder (JSON, forms, multipart, tokens, idempotency keys) is one fluent type.
 */
public final class HttpTestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ceiling, not a timing check: a service just started on a busy machine can take a while to answer. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    /** Shared, so that a client per test (or per request) is cheap: only the base address differs. */
    private static final HttpClient SHARED = newClient(null);

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    private HttpTestClient(URI base, HttpClient http, Duration timeout) {
        this.base = base;
        this.http = http;
        this.timeout = timeout;
    }

    public static HttpTestClient at(URI base) {
        return new HttpTestClient(base, SHARED, DEFAULT_TIMEOUT);
    }

    /** A service of this JVM on the loopback address. */
    public static HttpTestClient local(int port) {
        return at(URI.create("http://127.0.0.1:" + port));
    }

    /** The same target, with requests sent from this local address (another "client" to a per-address limit). */
    public HttpTestClient from(InetAddress localAddress) {
        return new HttpTestClient(base, newClient(localAddress), timeout);
    }

    public HttpTestClient timeout(Duration requestTimeout) {
        return new HttpTestClient(base, http, requestTimeout);
    }

    public URI base() {
        return base;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpAnswer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public HttpAnswer post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public HttpAnswer put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public HttpAnswer patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public HttpAnswer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public HttpAnswer send(String method, String path, String token, Object body) {
        return request(method, path).token(token).json(body).send();
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    /** Signs in with a staff account through the platform's token endpoint; answers the access token. */
    public String signIn(String username, String password) {
        HttpAnswer answer = post("/api/auth/token", null, Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("Sign-in of " + username + " answered " + answer);
        }
        return answer.json().get("accessToken").asString();
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Request {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** A bearer token; null sends none. */
        public Request token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Request headers(Map<String, String> more) {
            more.forEach(this::header);
            return this;
        }

        public Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        /** A JSON body: a String as it is, anything else written by the mapper; null sends none. */
        public Request json(Object value) {
            if (value == null) {
                return this;
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return body(value instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(value));
        }

        /** An application/x-www-form-urlencoded body. */
        public Request form(Map<String, String> fields) {
            header("Content-Type", "application/x-www-form-urlencoded");
            return body(fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8));
        }

        /** A multipart/form-data body of one file, as a browser uploads it. */
        public Request multipart(String field, String fileName, String contentType, byte[] content) {
            return multipart(field, fileName, contentType, HttpRequest.BodyPublishers.ofByteArray(content));
        }

        /** The same, streamed from disk: a large file never sits in this JVM's heap. */
        public Request multipart(String field, String fileName, String contentType, Path file) {
            try {
                return multipart(field, fileName, contentType, HttpRequest.BodyPublishers.ofFile(file));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Request multipart(String field, String fileName, String contentType,
                HttpRequest.BodyPublisher content) {
            String boundary = "----test" + UUID.randomUUID().toString().replace("-", "");
            header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                            + field + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"),
                    content,
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            return this;
        }

        /** A body of this content type, sent as it is. */
        public Request body(String contentType, String text) {
            header("Content-Type", contentType);
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(byte[] content) {
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        public HttpAnswer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .method(method, body);
            headers.forEach(request::header);
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new HttpAnswer(response.statusCode(), response.headers(), response.body(),
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }
    }

    private static HttpClient newClient(InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        return builder.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
