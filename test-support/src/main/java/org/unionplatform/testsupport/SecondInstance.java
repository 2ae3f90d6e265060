package org.unionplatform.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Another instance of the service a test context runs, as a second replica runs in production: the same
 * database, broker, exchange and queues (its consumers compete with the first's, its relay and rounds work on
 * the same documents), its own HTTP port. It gets every property the test infrastructure, the test token issuer
 * and the test itself (inlined and dynamic properties) gave the first context; the application's own files it
 * reads itself. Beans the test adds ({@code @Import}, {@code @TestConfiguration}) are the first context's only.
 * <p>
 * Close it before the first context: the shared queues are the first context's, deleted when it closes.
 */
public final class SecondInstance {

    /** The property sources a test context gets from the test, lowest precedence first. */
    private static final List<String> TEST_SOURCES = List.of(TestInfrastructureContextCustomizer.PROPERTY_SOURCE_NAME,
            "testTokenIssuer", "Inlined Test Properties", "Dynamic Test Properties");

    private SecondInstance() {
    }

    /**
     * Starts the application with the first context's test properties, then {@code overrides}
     * ({@code key=value}, e.g. an instance id).
     */
    public static ConfigurableApplicationContext start(Class<?> application, ConfigurableEnvironment first,
            String... overrides) {
        Map<String, Object> same = new LinkedHashMap<>();
        for (String name : TEST_SOURCES) {
            PropertySource<?> source = first.getPropertySources().get(name);
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String key : enumerable.getPropertyNames()) {
                    same.put(key, first.getProperty(key));
                }
            }
        }
        same.put("server.port", 0);
        // The queues are the first instance's too: they are deleted when it stops, not when this one does.
        same.put("platform.bus.delete-topology-on-shutdown", false);
        List<String> arguments = new ArrayList<>();
        // As command-line arguments: default properties would lose to application.yml.
        same.forEach((key, value) -> {
            if (value != null) {
                arguments.add("--" + key + "=" + value);
            }
        });
        for (String override : overrides) {
            arguments.add("--" + override);
        }
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }
}
