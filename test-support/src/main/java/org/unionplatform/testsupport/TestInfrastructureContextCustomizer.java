package org.unionplatform.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a test context at this JVM's MongoDB and broker, with its own database and queues.
 * <p>
 * The properties sit just above the system properties: above environment variables and every
 * application.yml, below what the test itself declares ({@code @SpringBootTest(properties)},
 * {@code @TestPropertySource}, {@code @DynamicPropertySource}). Keys the test sets inline are left
 * out altogether, so a test that brings its own MongoDB never starts the embedded one.
 * <p>
 * All instances are equal: the customizer must not split Spring's context cache.
 */
final class TestInfrastructureContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "testInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Map<String, Object> declaredByTest =
                TestPropertySourceUtils.convertInlinedPropertiesToMap(mergedConfig.getPropertySourceProperties());
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>(properties());
        properties.keySet().removeAll(declaredByTest.keySet());

        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        LazyPropertySource source = new LazyPropertySource(PROPERTY_SOURCE_NAME, properties);
        if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    /** The contract with the services and the event bus; values that start servers are lazy. */
    static Map<String, Supplier<Object>> properties() {
        String database = TestInfrastructure.newDatabaseName();
        String runId = TestInfrastructure.runId();
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", TestInfrastructure::mongoUri);
        properties.put("spring.mongodb.database", () -> database);
        properties.put("spring.rabbitmq.host", () -> TestInfrastructure.broker().host());
        properties.put("spring.rabbitmq.port", () -> TestInfrastructure.broker().port());
        properties.put("spring.rabbitmq.username", () -> TestInfrastructure.broker().username());
        properties.put("spring.rabbitmq.password", () -> TestInfrastructure.broker().password());
        properties.put("spring.rabbitmq.virtual-host", () -> TestInfrastructure.broker().virtualHost());
        properties.put("platform.bus.exchange", () -> "union.events.test." + runId);
        // Per context, not per run: two cached contexts of one service must not compete for one queue.
        properties.put("platform.bus.queue-prefix", () -> "test." + database.substring(1) + ".");
        properties.put("platform.bus.delete-topology-on-shutdown", () -> true);
        // The request deadline is there for a database that hangs; tests share a loaded machine, where one operation can
        // stall for seconds without anything being wrong. DatabaseStallIT sets its own.
        properties.put("platform.datastore.request-timeout", () -> "30s");
        // Tests hold no real personal data: throw-away keys per context (production refuses to start without keys).
        properties.put("platform.pii.allow-generated-dev-keys", () -> true);
        return properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestInfrastructureContextCustomizer;
    }

    @Override
    public int hashCode() {
        return TestInfrastructureContextCustomizer.class.hashCode();
    }
}
