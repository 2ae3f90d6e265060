package org.unionplatform.testsupport;

import java.nio.charset.StandardCharsets;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No annotation about infrastructure here: spring.factories brings it to every Spring test context. */
@SpringJUnitConfig(SpringTestContextWiringTest.Empty.class)
class SpringTestContextWiringTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void everyContextGetsItsOwnDatabaseAndTheRunsExchange() {
        String runId = TestInfrastructure.runId();

        assertThat(environment.getProperty("spring.mongodb.database")).matches("t" + runId + "_\\d+");
        assertThat(environment.getProperty("platform.bus.exchange")).isEqualTo("union.events.test." + runId);
        assertThat(environment.getProperty("platform.bus.queue-prefix")).matches("test\\." + runId + "_\\d+\\.");
        assertThat(environment.getProperty("platform.bus.delete-topology-on-shutdown", Boolean.class)).isTrue();
    }

    @Test
    void theMongoUriReachesAWorkingMongoDb() {
        try (MongoClient client = MongoClients.create(environment.getProperty("spring.mongodb.uri"))) {
            MongoCollection<Document> members =
                    client.getDatabase(environment.getProperty("spring.mongodb.database")).getCollection("members");
            members.insertOne(new Document("_id", "m-1").append("name", "Wang Fang"));

            assertThat(members.find(new Document("_id", "m-1")).first()).containsEntry("name", "Wang Fang");
        }
    }

    @Test
    void theRabbitPropertiesReachAWorkingBroker() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(environment.getProperty("spring.rabbitmq.host"));
        factory.setPort(environment.getProperty("spring.rabbitmq.port", Integer.class));
        factory.setUsername(environment.getProperty("spring.rabbitmq.username"));
        factory.setPassword(environment.getProperty("spring.rabbitmq.password"));
        factory.setVirtualHost(environment.getProperty("spring.rabbitmq.virtual-host"));
        String exchange = environment.getProperty("platform.bus.exchange");
        String queue = environment.getProperty("platform.bus.queue-prefix") + "wiring-test";

        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            try {
                channel.exchangeDeclare(exchange, "topic", false);
                channel.queueDeclare(queue, false, false, false, null);
                channel.queueBind(queue, exchange, "member.#");
                channel.basicPublish(exchange, "member.joined", null, "hello".getBytes(StandardCharsets.UTF_8));

                GetResponse[] received = new GetResponse[1];
                await().until(() -> (received[0] = channel.basicGet(queue, true)) != null);
                assertThat(new String(received[0].getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
            } finally {
                channel.queueDelete(queue);
                channel.exchangeDelete(exchange);
            }
        }
    }
}
