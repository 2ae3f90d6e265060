package org.unionplatform.testsupport.security;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context's resource server at this JVM's {@link TestTokenIssuer}
 * ({@code platform.security.jwks-uri}, {@code issuer}, {@code audience}), so {@link TestTokens} are accepted.
 * A test's own properties still win, and {@code platform.security.test-issuer.enabled=false} keeps the
 * application's configuration (the organization-service's tests use its real issuer that way).
 */
public class TestTokenIssuerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new TestIssuerCustomizer();
    }

    static final class TestIssuerCustomizer implements ContextCustomizer {

        static final String SOURCE = "testTokenIssuer";
        /** Property sources of the test itself, which must keep precedence over ours. */
        private static final List<String> TEST_SOURCES = List.of("Inlined Test Properties", "Dynamic Test Properties");

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (!environment.getProperty("platform.security.test-issuer.enabled", Boolean.class, true)) {
                return;
            }
            TestTokenIssuer issuer = TestTokenIssuer.get();
            MapPropertySource source = new MapPropertySource(SOURCE, Map.of(
                    "platform.security.jwks-uri", issuer.jwksUri(),
                    "platform.security.issuer", issuer.issuer(),
                    "platform.security.audience", issuer.audience()));
            MutablePropertySources sources = environment.getPropertySources();
            String after = null;
            for (String name : TEST_SOURCES) {
                if (sources.contains(name) && (after == null
                        || sources.precedenceOf(sources.get(name)) > sources.precedenceOf(sources.get(after)))) {
                    after = name;
                }
            }
            if (after == null) {
                sources.addFirst(source);
            } else {
                sources.addAfter(after, source);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestIssuerCustomizer;
        }

        @Override
        public int hashCode() {
            return TestIssuerCustomizer.class.hashCode();
        }
    }
}
