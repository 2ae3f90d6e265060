package org.unionplatform.common.events;

import java.time.Clock;
import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.unionplatform.common.retention.ExpiringCollection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform event bus: outbox relay and sweeper for aggregates extending {@link OutboxAggregate}, one
 * deduplicating consumer per {@link EventSubscription} bean, dead-letter queues and their replay endpoint.
 * Switch off with {@code platform.bus.enabled=false}.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, DataMongoAutoConfiguration.class},
        afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({RabbitTemplate.class, MongoTemplate.class})
@ConditionalOnBean({RabbitTemplate.class, MongoTemplate.class, AmqpAdmin.class})
@ConditionalOnProperty(name = "platform.bus.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BusProperties.class)
public class EventBusAutoConfiguration {

    @Bean
    BusMetrics busMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
        return new BusMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxPreparer outboxPreparer(ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Tracer> tracer) {
        return new OutboxPreparer(jsonMapper(jsonMapper), tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, BusProperties properties,
            Environment environment, ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Tracer> tracer,
            BusMetrics metrics) {
        requireConfirmsAndReturns(rabbit);
        rabbit.setMandatory(true);
        return new OutboxRelay(new OutboxStore(mongo), rabbit, properties, serviceName(environment),
                jsonMapper(jsonMapper), tracer.getIfAvailable(() -> Tracer.NOOP), metrics, Clock.systemUTC());
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }

    @Bean
    OutboxSweeper outboxSweeper(MongoTemplate mongo, OutboxRelay relay, MongoMappingContext mappingContext,
            BusProperties properties, BusMetrics metrics) {
        return new OutboxSweeper(new OutboxStore(mongo), relay, mappingContext, properties, metrics,
                Clock.systemUTC());
    }

    @Bean
    AppliedEvents appliedEvents(MongoTemplate mongo, BusProperties properties) {
        return new AppliedEvents(mongo, properties.appliedEventsKept());
    }

    @Bean
    BusTopology busTopology(BusProperties properties, Environment environment,
            ObjectProvider<EventSubscription> subscriptions, AmqpAdmin amqpAdmin) {
        return new BusTopology(properties, serviceName(environment), subscriptions.orderedStream().toList(),
                amqpAdmin);
    }

    /** Declared by Boot's RabbitAdmin on every (re)connection. */
    @Bean
    Declarables busDeclarables(BusTopology topology) {
        return topology.declarables();
    }

    @Bean
    Inbox busInbox(MongoTemplate mongo, BusProperties properties) {
        return new Inbox(mongo, properties, Clock.systemUTC());
    }

    /** Processed inbox entries expire after {@code platform.bus.inbox-retention}. */
    @Bean
    ExpiringCollection busInboxExpiry(BusProperties properties) {
        return new ExpiringCollection(properties.inboxCollection(), Inbox.PROCESSED_AT, properties.inboxRetention());
    }

    @Bean
    DeadLetters deadLetters(RabbitTemplate rabbit, AmqpAdmin amqpAdmin, Inbox inbox, BusProperties properties) {
        return new DeadLetters(rabbit, amqpAdmin, inbox, properties);
    }

    /** One manually acknowledged listener container per subscription, from Boot's container factory. */
    @Bean
    RabbitListenerConfigurer busListeners(BusTopology topology, Inbox inbox, DeadLetters deadLetters,
            BusProperties properties, BusMetrics metrics, ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<SimpleRabbitListenerContainerFactory> containerFactory) {
        JsonMapper mapper = jsonMapper(jsonMapper);
        return registrar -> topology.subscriptionsByQueue().forEach((queue, subscription) -> {
            var endpoint = new SimpleRabbitListenerEndpoint();
            endpoint.setId("bus." + queue);
            endpoint.setQueueNames(queue);
            endpoint.setAckMode(AcknowledgeMode.MANUAL);
            endpoint.setMessageListener(new InboxListener(queue, subscription.handler(), inbox, deadLetters,
                    properties, metrics, mapper));
            registrar.registerEndpoint(endpoint, containerFactory.getIfAvailable());
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class DeadLettersEndpointConfiguration {

        @Bean
        @ConditionalOnAvailableEndpoint
        DeadLettersEndpoint deadLettersEndpoint(BusTopology topology, DeadLetters deadLetters) {
            return new DeadLettersEndpoint(topology, deadLetters);
        }
    }

    private static JsonMapper jsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
        return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
    }

    private static String serviceName(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("The event bus names queues after spring.application.name: set it");
        }
        return name;
    }

    private static void requireConfirmsAndReturns(RabbitTemplate rabbit) {
        var connectionFactory = rabbit.getConnectionFactory();
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalStateException("The event bus needs spring.rabbitmq.publisher-confirm-type=correlated "
                    + "and spring.rabbitmq.publisher-returns=true (set in platform-defaults.yml)");
        }
    }
}
