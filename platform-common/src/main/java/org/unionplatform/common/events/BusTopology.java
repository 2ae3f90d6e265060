package org.unionplatform.common.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.DisposableBean;

/**
 * Names and declares the bus's broker objects: the topic exchange and, per subscription, its durable queue,
 * bindings and dead-letter queue. Dead-lettering is done by the consumer (no {@code x-dead-letter-exchange}),
 * which works on RabbitMQ and on the embedded broker alike.
 */
final class BusTopology implements DisposableBean {

    static final String DEAD_LETTER_SUFFIX = ".dlq";
    private static final Logger log = LoggerFactory.getLogger(BusTopology.class);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private final BusProperties properties;
    private final String service;
    private final Map<String, EventSubscription> subscriptionsByQueue = new LinkedHashMap<>();
    private final AmqpAdmin amqpAdmin;

    BusTopology(BusProperties properties, String service, List<EventSubscription> subscriptions, AmqpAdmin amqpAdmin) {
        this.properties = properties;
        this.service = service;
        this.amqpAdmin = amqpAdmin;
        for (EventSubscription subscription : subscriptions) {
            if (subscriptionsByQueue.put(queueName(subscription), subscription) != null) {
                throw new IllegalStateException("Two event subscriptions share the purpose " + subscription.purpose());
            }
        }
    }

    String queueName(EventSubscription subscription) {
        return properties.queuePrefix() + service + "." + subscription.purpose();
    }

    static String deadLetterQueue(String queue) {
        return queue + DEAD_LETTER_SUFFIX;
    }

    Map<String, EventSubscription> subscriptionsByQueue() {
        return subscriptionsByQueue;
    }

    Declarables declarables() {
        var exchange = new TopicExchange(properties.exchange(), true, false);
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(exchange);
        subscriptionsByQueue.forEach((queueName, subscription) -> {
            Queue queue = new Queue(queueName, true, false, false, queueArguments());
            declarables.add(queue);
            declarables.add(new Queue(deadLetterQueue(queueName), true, false, false, queueArguments()));
            for (String pattern : subscription.bindings()) {
                Binding binding = BindingBuilder.bind(queue).to(exchange).with(pattern);
                declarables.add(binding);
            }
        });
        return new Declarables(declarables);
    }

    /** Configured arguments only (none by default); whole numbers become numbers, as the broker expects. */
    private Map<String, Object> queueArguments() {
        Map<String, Object> arguments = new HashMap<>();
        properties.queueArguments().forEach((name, value) -> arguments.put(name,
                value instanceof String text && WHOLE_NUMBER.matcher(text).matches() ? Long.valueOf(text) : value));
        return arguments;
    }

    @Override
    public void destroy() {
        if (!properties.deleteTopologyOnShutdown()) {
            return;
        }
        try {
            for (String queue : subscriptionsByQueue.keySet()) {
                amqpAdmin.deleteQueue(queue);
                amqpAdmin.deleteQueue(deadLetterQueue(queue));
            }
        } catch (AmqpException e) {
            log.warn("Could not delete the bus topology on shutdown: {}", e.toString());
        }
        deleteExchangeIfUnused();
    }

    /**
     * The exchange is shared by every service on the bus: deleting it drops the other services' bindings, and a
     * service that comes back declares only its own, so events to the others would go unroutable for good. Only
     * the last service to leave deletes it (AMQP's if-unused: refused while any queue is still bound).
     */
    private void deleteExchangeIfUnused() {
        try {
            if (amqpAdmin instanceof RabbitAdmin admin) {
                admin.getRabbitTemplate().execute(channel -> {
                    channel.exchangeDelete(properties.exchange(), true);
                    return null;
                });
            } else {
                amqpAdmin.deleteExchange(properties.exchange());
            }
        } catch (AmqpException stillInUse) {
            log.debug("The bus exchange is still used by other services; left in place: {}", stillInUse.toString());
        }
    }
}
