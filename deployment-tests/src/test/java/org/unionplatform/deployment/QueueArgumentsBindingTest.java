package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The bus reads the map platform.bus.queue-arguments; on Kubernetes it must carry x-queue-type=quorum.
 * These tests bind environment variables the way a running service does (system environment, then
 * SPRING_APPLICATION_JSON) with Spring Boot's own binder.
 */
class QueueArgumentsBindingTest {

    static final List<Application> DOMAIN_SERVICES = Application.domainServices();

    static Map<String, Object> queueArguments(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind("platform.bus.queue-arguments", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
    }

    @ParameterizedTest
    @FieldSource("DOMAIN_SERVICES")
    void configMapMakesEveryQueueAQuorumQueue(Application app) {
        Map<String, Object> data = Yamls.map(KubernetesBase.get("ConfigMap", app.name() + "-config"), "data");

        assertThat(queueArguments(Map.copyOf(data))).containsExactly(Map.entry("x-queue-type", "quorum"));
    }

    @Test
    void theObviousEnvironmentVariableNameBindsNothing() {
        // Why the ConfigMap uses SPRING_APPLICATION_JSON: the dashed segments cannot be recovered.
        assertThat(queueArguments(Map.of("PLATFORM_BUS_QUEUE_ARGUMENTS_X_QUEUE_TYPE", "quorum"))).isEmpty();
        assertThat(queueArguments(Map.of("PLATFORM_BUS_QUEUEARGUMENTS_X_QUEUE_TYPE", "quorum")))
                .doesNotContainKey("x-queue-type");
    }

    @Test
    void composeLeavesTheBrokersDefaultQueueType() {
        // A single RabbitMQ node gains nothing from quorum queues; compose sets no queue arguments.
        Map<String, Object> environment = Yamls.map(ComposeFileTest.service("organization-service"), "environment");
        assertThat(queueArguments(Map.copyOf(environment))).isEmpty();
    }
}
