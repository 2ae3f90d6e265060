package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class QueueArgumentsBindingTest {

    static Map<String, Object> bindObj(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        new org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("platform.bus.queue-arguments", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
    }

    static Map<String, String> bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("platform.bus.queue-arguments", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    @Test
    void probe() {
        System.out.println("A " + bind(Map.of("PLATFORM_BUS_QUEUE_ARGUMENTS_X_QUEUE_TYPE", "quorum")));
        System.out.println("B " + bind(Map.of("PLATFORM_BUS_QUEUEARGUMENTS_X-QUEUE-TYPE", "quorum")));
        System.out.println("C " + bind(Map.of("PLATFORM_BUS_QUEUEARGUMENTS_X_QUEUE_TYPE", "quorum")));
        System.out.println("D " + bind(Map.of("platform.bus.queue-arguments[x-queue-type]", "quorum")));
        System.out.println("F " + bindObj(Map.of("PLATFORM_BUS_QUEUE_ARGUMENTS_X_QUEUE_TYPE", "quorum")));
        System.out.println("G " + bindObj(Map.of("PLATFORM_BUS_QUEUEARGUMENTS_X-QUEUE-TYPE", "quorum")));
        System.out.println("H " + bindObj(Map.of("SPRING_APPLICATION_JSON", "{\"platform\":{\"bus\":{\"queue-arguments\":{\"x-queue-type\":\"quorum\"}}}}")));
        System.out.println("I " + bindObj(Map.of("PLATFORM_BUS_QUEUEARGUMENTS_X_QUEUE_TYPE", "quorum")));
        System.out.println("E " + bind(Map.of("PLATFORM_BUS_QUEUE-ARGUMENTS_X-QUEUE-TYPE", "quorum")));
    }
}
