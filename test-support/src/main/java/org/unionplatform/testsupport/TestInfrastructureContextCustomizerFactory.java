package org.unionplatform.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered in META-INF/spring.factories, so every Spring test context of a module that has
 * test-support on its classpath talks to {@link TestInfrastructure} without any annotation.
 */
public class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new TestInfrastructureContextCustomizer();
    }
}
