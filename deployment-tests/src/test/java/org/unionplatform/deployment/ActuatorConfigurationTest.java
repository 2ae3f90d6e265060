package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every orchestrator probe relies on must be switched on in the application's own configuration. */
class ActuatorConfigurationTest {

    static final java.util.List<Application> APPS = Application.ALL;

    @ParameterizedTest
    @FieldSource("APPS")
    void applicationNameIsTheModuleName(Application app) {
        SpringConfig config = app.config();
        assumeTrue(config.present(), app + " has no application.yml yet");

        assertThat(config.value("spring.application.name")).contains(app.name());
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void healthProbesAndPrometheusAreExposed(Application app) {
        SpringConfig config = app.config();
        assumeTrue(config.present(), app + " has no application.yml yet");

        assertThat(config.enabled("management.endpoint.health.probes.enabled"))
                .as("%s: management.endpoint.health.probes.enabled", app).isTrue();
        assertThat(config.exposedEndpoints()).as("%s exposes", app).contains("health", "prometheus")
                .as("%s must not expose every endpoint", app).doesNotContain("*");
        assertThat(config.actuatorPaths()).contains(
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void portComesFromServerPortWithTheDocumentedDefault(Application app) {
        SpringConfig config = app.config();
        assumeTrue(config.present(), app + " has no application.yml yet");

        assertThat(config.placeholderVariable("server.port")).as("%s server.port placeholder", app)
                .contains("SERVER_PORT");
        assertThat(config.serverPort()).as("%s server.port default", app).hasValue(app.documentedPort());
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void livenessNeverDependsOnTheDatabaseOrBroker(Application app) {
        SpringConfig config = app.config();
        assumeTrue(config.present(), app + " has no application.yml yet");

        // A MongoDB or RabbitMQ outage must make pods unready, not get every pod restarted.
        assertThat(config.value("management.endpoint.health.group.liveness.include").orElse("livenessState"))
                .doesNotContain("mongo", "rabbit");
    }
}
