package org.unionplatform.organization.it;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A throw-away queue bound to the test exchange, to see what the service published; deleted on close. */
final class BusProbe implements AutoCloseable {

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final ObjectMapper json;
    private final String queue;

    BusProbe(AmqpAdmin admin, RabbitTemplate rabbit, ObjectMapper json, String exchange, String... routingKeys) {
        this.admin = admin;
        this.rabbit = rabbit;
        this.json = json;
        this.queue = "test.probe." + UUID.randomUUID();
        // Not exclusive or auto-delete: the embedded broker drops such a queue when the declaring channel closes;
        // close() deletes it instead.
        admin.declareQueue(new Queue(queue, false, false, false));
        for (String key : routingKeys) {
            Binding binding = BindingBuilder.bind(new Queue(queue)).to(new TopicExchange(exchange)).with(key);
            admin.declareBinding(binding);
        }
    }

    /** The next envelope whose payload field {@code field} equals {@code value}, within 20 s; null if none. */
    JsonNode await(String field, String value) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Message message = rabbit.receive(queue, 1000);
            if (message != null) {
                JsonNode envelope = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                if (value.equals(envelope.path("payload").path(field).asString())) {
                    return envelope;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
    }
}
