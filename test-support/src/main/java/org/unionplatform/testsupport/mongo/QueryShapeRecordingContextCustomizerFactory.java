package org.unionplatform.testsupport.mongo;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import com.mongodb.MongoClientSettings;

/**
 * Registered in META-INF/spring.factories: every Spring test context whose {@code MongoClient} is built from a
 * {@link MongoClientSettings} bean (Spring Boot's) sends its commands past {@link QueryShapes} too. Nothing when the
 * module has no MongoDB driver.
 */
public class QueryShapeRecordingContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!ClassUtils.isPresent("com.mongodb.MongoClientSettings", getClass().getClassLoader())) {
            return null;
        }
        return new Recording();
    }

    /** All instances are equal: the customizer must not split Spring's context cache. */
    private static final class Recording implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof MongoClientSettings settings) {
                        return MongoClientSettings.builder(settings).addCommandListener(QueryShapes.listener())
                                .build();
                    }
                    return bean;
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Recording;
        }

        @Override
        public int hashCode() {
            return Recording.class.hashCode();
        }
    }
}
