package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

/**
 * Every endpoint a service documents in its OpenAPI description, except the ones its configuration lists as
 * public, answers 401 without a token: through the gateway and straight to the service (defence in depth).
 * The list is read from the running services, so a new endpoint is covered the day it is added.
 */
class EveryEndpointNeedsATokenJourneyIT {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @TestFactory
    Stream<DynamicTest> everyNonPublicEndpointAnswers401WithoutAToken() {
        HttpTestClient gateway = HttpTestClient.at(platform.gateway());
        List<DynamicTest> tests = new ArrayList<>();
        for (String service : PlatformUnderTest.SERVICES) {
            HttpTestClient direct = HttpTestClient.at(platform.direct(service));
            List<String> publicPaths = publicPaths(service);
            HttpAnswer docs = direct.get("/v3/api-docs", null);
            assertThat(docs.status()).as(service + " API description").isEqualTo(200);
            docs.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String template = path.getKey();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || isPublic(method, template, publicPaths)) {
                    return;
                }
                String concrete = template.replaceAll("\\{[^}]+}", "e2e-unknown");
                String body = BODY_METHODS.contains(method) ? "{}" : null;
                tests.add(DynamicTest.dynamicTest(service + " " + method + " " + template, () -> {
                    HttpAnswer viaGateway = gateway.send(method, concrete, null, body);
                    HttpAnswer straight = direct.send(method, concrete, null, body);
                    assertThat(viaGateway.status()).as("through the gateway").isEqualTo(401);
                    assertThat(viaGateway.isProblem()).isTrue();
                    assertThat(straight.status()).as("straight to " + service).isEqualTo(401);
                }));
            }));
        }
        System.out.printf("[end-to-end] %d non-public endpoints checked for 401, through the gateway and directly%n",
                tests.size());
        assertThat(tests).as("documented endpoints").hasSizeGreaterThan(20);
        return tests.stream();
    }

    /** The service's own public paths, from its application.yml ({@code platform.security.public-paths}). */
    @SuppressWarnings("unchecked")
    private static List<String> publicPaths(String service) {
        Path yml = projectRoot().resolve(service).resolve("src/main/resources/application.yml");
        try (InputStream in = Files.newInputStream(yml)) {
            Map<String, Object> root = new Yaml().load(in);
            Object platform = root.get("platform");
            Object security = platform instanceof Map<?, ?> p ? p.get("security") : null;
            Object paths = security instanceof Map<?, ?> s ? s.get("public-paths") : null;
            return paths instanceof List<?> list ? (List<String>) list : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries are {@code /path/**} (any method) or {@code METHOD /path}, as the services read them. */
    /** A public path as a pattern over templates: {@code *} and {@code {name}} each stand for one segment. */
    private static String segments(String pattern) {
        return Arrays.stream(pattern.split("/", -1))
                .map(part -> part.equals("*") || part.matches("\\{[^}]+}") ? "[^/]+" : Pattern.quote(part))
                .collect(Collectors.joining("/"));
    }

    static boolean isPublic(String method, String template, List<String> publicPaths) {
        for (String entry : publicPaths) {
            String[] parts = entry.trim().split("\\s+", 2);
            String entryMethod = parts.length == 2 ? parts[0].toUpperCase(Locale.ROOT) : null;
            String pattern = parts.length == 2 ? parts[1] : parts[0];
            if (entryMethod != null && !entryMethod.equals(method)) {
                continue;
            }
            if (pattern.endsWith("/**") ? template.startsWith(pattern.substring(0, pattern.length() - 3))
                    : template.matches(segments(pattern))) {
                return true;
            }
        }
        return false;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
