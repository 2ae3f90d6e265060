package org.unionplatform.testsupport;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which MongoDB and which AMQP broker the tests of this JVM use, and why. Each is decided on its own:
 * an address from the environment wins, then Testcontainers when a Docker engine answers, then the
 * embedded servers.
 */
record InfrastructurePlan(MongoChoice mongo, BrokerChoice broker) {

    enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    record MongoChoice(Source source, String uri, String reason) {
    }

    record BrokerChoice(Source source, BrokerAddress address, String reason) {
    }

    static InfrastructurePlan decide(Map<String, String> env, BooleanSupplier dockerAnswers) {
        BooleanSupplier docker = memoize(dockerAnswers);
        return new InfrastructurePlan(decideMongo(env, docker), decideBroker(env, docker));
    }

    private static MongoChoice decideMongo(Map<String, String> env, BooleanSupplier docker) {
        String uri = nonBlank(env.get("MONGODB_URI"));
        if (uri != null) {
            return new MongoChoice(Source.ENVIRONMENT, uri, "MONGODB_URI");
        }
        if (docker.getAsBoolean()) {
            return new MongoChoice(Source.TESTCONTAINERS, null, "no MONGODB_URI, Docker engine answers");
        }
        return new MongoChoice(Source.EMBEDDED, null, "no MONGODB_URI, no Docker engine");
    }

    private static BrokerChoice decideBroker(Map<String, String> env, BooleanSupplier docker) {
        String host = nonBlank(env.get("RABBITMQ_HOST"));
        if (host != null) {
            BrokerAddress address = new BrokerAddress(host,
                    port(env.get("RABBITMQ_PORT")),
                    orDefault(env.get("RABBITMQ_USERNAME"), "guest"),
                    orDefault(env.get("RABBITMQ_PASSWORD"), "guest"),
                    orDefault(env.get("RABBITMQ_VHOST"), "/"));
            return new BrokerChoice(Source.ENVIRONMENT, address, "RABBITMQ_HOST");
        }
        if (docker.getAsBoolean()) {
            return new BrokerChoice(Source.TESTCONTAINERS, null, "no RABBITMQ_HOST, Docker engine answers");
        }
        return new BrokerChoice(Source.EMBEDDED, null, "no RABBITMQ_HOST, no Docker engine");
    }

    /** The one line a JVM prints about its test infrastructure. */
    String describe() {
        String mongoText = switch (mongo.source()) {
            case ENVIRONMENT -> "MongoDB at " + redact(mongo.uri());
            case TESTCONTAINERS -> "MongoDB in a container (" + TestContainers.MONGO_IMAGE + ")";
            case EMBEDDED -> "embedded mongo-java-server";
        };
        String brokerText = switch (broker.source()) {
            case ENVIRONMENT -> "RabbitMQ at " + broker.address().host() + ":" + broker.address().port();
            case TESTCONTAINERS -> "RabbitMQ in a container (" + TestContainers.RABBITMQ_IMAGE + ")";
            case EMBEDDED -> "embedded Qpid Broker-J";
        };
        return "[test-infrastructure] MongoDB: " + mongoText + " (" + mongo.reason() + "); AMQP broker: "
                + brokerText + " (" + broker.reason() + ")";
    }

    /** Hides a password in {@code mongodb://user:password@host}. */
    static String redact(String uri) {
        return uri.replaceFirst("://([^:/@]+):[^@/]*@", "://$1:***@");
    }

    private static int port(String value) {
        String port = nonBlank(value);
        if (port == null) {
            return 5672;
        }
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("RABBITMQ_PORT is not a number: " + port, e);
        }
    }

    private static String orDefault(String value, String fallback) {
        String v = nonBlank(value);
        return v == null ? fallback : v;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static BooleanSupplier memoize(BooleanSupplier supplier) {
        return new BooleanSupplier() {
            private Boolean answer;

            @Override
            public boolean getAsBoolean() {
                if (answer == null) {
                    answer = supplier.getAsBoolean();
                }
                return answer;
            }
        };
    }
}
