package org.unionplatform.testsupport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.InfrastructurePlan.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructurePlanTest {

    private final AtomicInteger dockerQuestions = new AtomicInteger();

    @Test
    void addressesFromTheEnvironmentWinAndDockerIsNotAsked() {
        InfrastructurePlan plan = InfrastructurePlan.decide(Map.of(
                "MONGODB_URI", "mongodb://db.local:27017",
                "RABBITMQ_HOST", "mq.local",
                "RABBITMQ_PORT", "5673",
                "RABBITMQ_USERNAME", "union",
                "RABBITMQ_PASSWORD", "secret",
                "RABBITMQ_VHOST", "union"), docker(true));

        assertThat(plan.mongo().source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(plan.mongo().uri()).isEqualTo("mongodb://db.local:27017");
        assertThat(plan.broker().source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(plan.broker().address()).isEqualTo(new BrokerAddress("mq.local", 5673, "union", "secret", "union"));
        assertThat(dockerQuestions).hasValue(0);
    }

    @Test
    void brokerFromTheEnvironmentGetsRabbitMqDefaults() {
        InfrastructurePlan plan = InfrastructurePlan.decide(Map.of("RABBITMQ_HOST", "127.0.0.1"), docker(false));

        assertThat(plan.broker().address()).isEqualTo(new BrokerAddress("127.0.0.1", 5672, "guest", "guest", "/"));
    }

    @Test
    void mongoAndBrokerAreDecidedIndependently() {
        InfrastructurePlan plan = InfrastructurePlan.decide(Map.of("RABBITMQ_HOST", "127.0.0.1"), docker(false));

        assertThat(plan.broker().source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(plan.mongo().source()).isEqualTo(Source.EMBEDDED);
        assertThat(plan.describe()).isEqualTo("[test-infrastructure] MongoDB: embedded mongo-java-server "
                + "(no MONGODB_URI, no Docker engine); AMQP broker: RabbitMQ at 127.0.0.1:5672 (RABBITMQ_HOST)");
    }

    @Test
    void containersAreUsedWhenDockerAnswersAndItIsAskedOnlyOnce() {
        InfrastructurePlan plan = InfrastructurePlan.decide(Map.of(), docker(true));

        assertThat(plan.mongo().source()).isEqualTo(Source.TESTCONTAINERS);
        assertThat(plan.broker().source()).isEqualTo(Source.TESTCONTAINERS);
        assertThat(dockerQuestions).hasValue(1);
        assertThat(plan.describe()).contains(TestContainers.MONGO_IMAGE, TestContainers.RABBITMQ_IMAGE);
    }

    @Test
    void embeddedServersAreTheLastResort() {
        InfrastructurePlan plan = InfrastructurePlan.decide(Map.of("MONGODB_URI", " "), docker(false));

        assertThat(plan.mongo().source()).isEqualTo(Source.EMBEDDED);
        assertThat(plan.broker().source()).isEqualTo(Source.EMBEDDED);
        assertThat(plan.describe()).contains("embedded Qpid Broker-J (no RABBITMQ_HOST, no Docker engine)");
    }

    @Test
    void thePrintedLineHidesTheMongoPassword() {
        InfrastructurePlan plan = InfrastructurePlan.decide(
                Map.of("MONGODB_URI", "mongodb://union:s3cret@db.local:27017/admin"), docker(false));

        assertThat(plan.describe()).contains("mongodb://union:***@db.local:27017/admin").doesNotContain("s3cret");
    }

    @Test
    void aPortThatIsNotANumberIsReported() {
        assertThatThrownBy(() -> InfrastructurePlan.decide(
                Map.of("RABBITMQ_HOST", "127.0.0.1", "RABBITMQ_PORT", "amqp"), docker(false)))
                .hasMessageContaining("RABBITMQ_PORT");
    }

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            dockerQuestions.incrementAndGet();
            return answers;
        };
    }
}
