package org.unionplatform.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.unionplatform.testsupport.BrokerAddress;
import org.unionplatform.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * A listener of our own on this run's exchange: a queue with a unique name (deleted on close), bound to the
 * given routing patterns before the scenario starts, read as the platform's consumers would read it. Closing it
 * deletes the queue (it would go with the connection anyway) and closes the connection.
 */
final class BusTap implements AutoCloseable {

    /** One message as it travelled: its routing key and its body, raw and as JSON. */
    record Received(String routingKey, String body) {

        JsonNode json() {
            return UnionTree.JSON.readTree(body);
        }
    }

    private final CachingConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;
    private final String queue;
    private final List<Received> received = new ArrayList<>();

    BusTap(String exchange, String... patterns) {
        BrokerAddress broker = TestInfrastructure.broker();
        connections = new CachingConnectionFactory(broker.host(), broker.port());
        connections.setUsername(broker.username());
        connections.setPassword(broker.password());
        connections.setVirtualHost(broker.virtualHost());
        admin = new RabbitAdmin(connections);
        template = new RabbitTemplate(connections);
        queue = "e2e.tap." + UUID.randomUUID();
        // Not exclusive or auto-delete: the embedded broker drops such a queue when the declaring channel closes;
        // close() deletes it instead.
        admin.declareQueue(new Queue(queue, false, false, false));
        for (String pattern : patterns) {
            // Binding only: the exchange is the platform's, declared by the services at start-up.
            admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new TopicExchange(exchange)).with(pattern));
        }
    }

    /** Everything received so far (reading what has arrived first). */
    synchronized List<Received> received() {
        for (Message message = template.receive(queue); message != null; message = template.receive(queue)) {
            received.add(new Received(message.getMessageProperties().getReceivedRoutingKey(),
                    new String(message.getBody(), StandardCharsets.UTF_8)));
        }
        return List.copyOf(received);
    }

    /** Waits until a message satisfying the condition has arrived and answers it. */
    Received awaitFirst(Duration atMost, Predicate<Received> condition) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> received().stream().filter(condition).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Waits until at least {@code count} messages satisfy the condition. */
    List<Received> awaitCount(Duration atMost, int count, Predicate<Received> condition) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> received().stream().filter(condition).toList(), matching -> matching.size() >= count);
    }

    @Override
    public void close() {
        try {
            admin.deleteQueue(queue);
        } finally {
            connections.destroy();
        }
    }
}
