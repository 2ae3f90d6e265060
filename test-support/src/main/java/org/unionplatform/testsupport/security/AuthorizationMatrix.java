package org.unionplatform.testsupport.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Generates one test per row of a service's authorization matrix ({@code src/test/resources/authorization-matrix.csv}):
 * <pre>
 * # method,path,role,scope,expected
 * GET,/api/stations/{station},STATION_ATTENDANT,in,200
 * GET,/api/stations/{station},STATION_ATTENDANT,out,404
 * POST,/api/stations,ORGANIZER,in,2xx
 * GET,/api/stations/{station},ANONYMOUS,none,401
 * </pre>
 * {@code role} is a platform role or ANONYMOUS (no token); {@code scope} is {@code in} (the caller's scope covers the
 * object), {@code out} (it does not), {@code own} (the caller's own record) or {@code none}; {@code expected} is a
 * status or a class such as {@code 2xx}. The service's test supplies a {@link Fixture} that turns role and scope into
 * a token and fills the path's placeholders with objects in or out of that scope, and a {@link Requests} that sends the
 * request for real. The number of cases is printed, and every unexpected allow is named as such.
 */
public final class AuthorizationMatrix {

    public static final String ANONYMOUS = "ANONYMOUS";

    private AuthorizationMatrix() {
    }

    /** One row of the matrix. */
    public record Case(int line, String method, String path, String role, String scope, String expected) {

        boolean accepts(int status) {
            return expected.endsWith("xx")
                    ? status / 100 == Character.getNumericValue(expected.charAt(0))
                    : status == Integer.parseInt(expected);
        }

        boolean expectsRefusal() {
            return expected.startsWith("4");
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + role + " (" + scope + ") -> " + expected;
        }
    }

    /** Turns a row into a real request: a token for the role and scope, a path and a body. */
    public interface Fixture {

        /** A bearer token for this role whose scope relates to the objects as {@code scope} says; null for ANONYMOUS. */
        String token(Case matrixCase);

        /** The path with its placeholders filled by objects in, out of, or at the caller's own scope. */
        String path(Case matrixCase);

        /** The request body, or null for none; it must be valid so that only authorization decides. */
        default String body(Case matrixCase) {
            return null;
        }
    }

    /** Sends one request over HTTP and returns the status. */
    @FunctionalInterface
    public interface Requests {
        int send(String method, String path, String token, String body) throws Exception;
    }

    /** Reads the matrix from the classpath: a header or {@code #} comments, then one case per line. */
    public static List<Case> load(String resource) {
        InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No authorization matrix at classpath:" + resource);
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("method,")) {
                    continue;
                }
                String[] cells = trimmed.split("\\s*,\\s*");
                if (cells.length != 5) {
                    throw new IllegalArgumentException(resource + ":" + number + " needs 5 cells: method,path,role,scope,expected");
                }
                cases.add(new Case(number, cells[0].toUpperCase(), cells[1], cells[2].toUpperCase(), cells[3].toLowerCase(),
                        cells[4].toLowerCase()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(resource + " has no cases");
        }
        return cases;
    }

    /** One dynamic test per case; prints how many cases the service's matrix has. */
    public static Stream<DynamicTest> tests(String service, String resource, Fixture fixture, Requests requests) {
        List<Case> cases = load(resource);
        System.out.printf("[authorization-matrix] %s: %d cases from %s%n", service, cases.size(), resource);
        AtomicInteger unexpectedAllows = new AtomicInteger();
        return cases.stream().map(matrixCase -> DynamicTest.dynamicTest(matrixCase.toString(), () -> {
            int status = requests.send(matrixCase.method(), fixture.path(matrixCase), fixture.token(matrixCase),
                    fixture.body(matrixCase));
            if (!matrixCase.accepts(status)) {
                boolean allowed = status < 400 && matrixCase.expectsRefusal();
                if (allowed) {
                    unexpectedAllows.incrementAndGet();
                }
                throw new AssertionError((allowed ? "UNEXPECTED ALLOW: " : "") + matrixCase + " (line "
                        + matrixCase.line() + ") answered " + status);
            }
        }));
    }
}
