package org.unionplatform.deployment;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An application's effective static configuration: platform-common's platform-defaults.yml (when the
 * module depends on platform-common, which loads it at lowest precedence) overlaid by the module's
 * own application.yml, flattened to dotted keys.
 */
record SpringConfig(Application application, boolean present, Map<String, Object> properties) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    static final String DEFAULTS = "platform-common/src/main/resources/platform-defaults.yml";

    static SpringConfig of(Application application) {
        String own = application.name() + "/src/main/resources/application.yml";
        Map<String, Object> properties = new LinkedHashMap<>();
        if (usesPlatformDefaults(application)) {
            flatten("", Repository.yaml(DEFAULTS), properties);
        }
        boolean present = Files.isRegularFile(Repository.path(own));
        if (present) {
            flatten("", Repository.yaml(own), properties);
        }
        return new SpringConfig(application, present, properties);
    }

    private static boolean usesPlatformDefaults(Application application) {
        return Repository.read(application.name() + "/pom.xml")
                .contains("<artifactId>platform-common</artifactId>");
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> into) {
        node.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten(name, (Map<String, Object>) child, into);
            } else {
                into.put(name, value);
            }
        });
    }

    Optional<String> value(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of(list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return Optional.of(resolveDefault(String.valueOf(value)));
    }

    /** `${SERVER_PORT:8081}` becomes 8081: what the application uses when the variable is unset. */
    private static String resolveDefault(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String fallback = matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(fallback));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The environment variable a placeholder in `key` reads, e.g. SERVER_PORT for server.port. */
    Optional<String> placeholderVariable(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    OptionalInt serverPort() {
        return value("server.port").map(port -> OptionalInt.of(Integer.parseInt(port.trim())))
                .orElse(OptionalInt.empty());
    }

    /** Where Actuator listens: management.server.port when set, else the application's own port. */
    int managementPort() {
        return value("management.server.port").map(port -> Integer.parseInt(port.trim()))
                .orElseGet(application::port);
    }

    boolean enabled(String key) {
        return value(key).map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
    }

    Set<String> exposedEndpoints() {
        return value("management.endpoints.web.exposure.include")
                .map(include -> Arrays.stream(include.split(","))
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(() -> new LinkedHashSet<>(Set.of("health")));
    }

    /** Health groups declared with management.endpoint.health.group.<name>.* */
    Set<String> healthGroups() {
        String prefix = "management.endpoint.health.group.";
        return properties.keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length()).split("\\.")[0])
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The HTTP paths on the management port that answer, as far as configuration decides it. */
    Set<String> actuatorPaths() {
        String base = value("management.endpoints.web.base-path").orElse("/actuator");
        Set<String> paths = new LinkedHashSet<>();
        Set<String> exposed = exposedEndpoints();
        if (exposed.contains("health") || exposed.contains("*")) {
            paths.add(base + "/health");
            if (enabled("management.endpoint.health.probes.enabled")) {
                paths.add(base + "/health/liveness");
                paths.add(base + "/health/readiness");
            }
            healthGroups().forEach(group -> paths.add(base + "/health/" + group));
        }
        if (exposed.contains("prometheus") || exposed.contains("*")) {
            paths.add(base + "/prometheus");
        }
        return paths;
    }
}
