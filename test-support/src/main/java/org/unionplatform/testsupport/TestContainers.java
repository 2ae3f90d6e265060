package org.unionplatform.testsupport;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Containers for machines with Docker; pinned tags so every run tests against the same servers. */
final class TestContainers {

    static final String MONGO_IMAGE = "mongo:8.0.12";
    static final String RABBITMQ_IMAGE = "rabbitmq:4.1.4-alpine";

    private TestContainers() {
    }

    /** Started once; Testcontainers' Ryuk removes it when the JVM ends. */
    static String startMongo() {
        MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
        container.start();
        return container.getConnectionString();
    }

    static BrokerAddress startRabbitMq() {
        RabbitMQContainer container = new RabbitMQContainer(RABBITMQ_IMAGE);
        container.start();
        return new BrokerAddress(container.getHost(), container.getAmqpPort(),
                container.getAdminUsername(), container.getAdminPassword(), "/");
    }
}
