package org.unionplatform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** The broker of {@code ./run.sh}: confirmed messages nobody consumed yet are there after a stop and a start. */
class PersistentAmqpBrokerTest {

    private static final int EVENTS = 1_000;
    private static final String EXCHANGE = "test.events";
    private static final String QUEUE = "test.unconsumed";

    @TempDir
    Path store;

    @Test
    void confirmedMessagesInADurableQueueSurviveAStopAndAStartOnTheSameFolder() throws Exception {
        try (var broker = EmbeddedAmqpBroker.startPersistent("127.0.0.1", 0, store);
             Connection connection = connectionFactory(broker).newConnection();
             Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(EXCHANGE, "topic", true);
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.queueBind(QUEUE, EXCHANGE, "member.*");
            channel.confirmSelect();
            for (int n = 0; n < EVENTS; n++) {
                channel.basicPublish(EXCHANGE, "member.joined", false, persistent(n),
                        ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(channel.waitForConfirms(120_000)).as("all confirmed").isTrue();
        }

        Set<String> received = ConcurrentHashMap.newKeySet();
        try (var restarted = EmbeddedAmqpBroker.startPersistent("127.0.0.1", 0, store);
             Connection connection = connectionFactory(restarted).newConnection();
             Channel channel = connection.createChannel()) {
            assertThat(channel.queueDeclarePassive(QUEUE).getMessageCount()).isEqualTo(EVENTS);
            var allReceived = new CountDownLatch(EVENTS);
            channel.basicQos(200);
            String consumer = channel.basicConsume(QUEUE, false, (tag, delivery) -> {
                if (received.add(delivery.getProperties().getMessageId())) {
                    allReceived.countDown();
                }
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            assertThat(allReceived.await(120, TimeUnit.SECONDS)).as("all consumed").isTrue();
            channel.basicCancel(consumer);
            // The binding survived too: a new event still reaches the queue.
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, "member.left", false, persistent(EVENTS), new byte[0]);
            assertThat(channel.waitForConfirms(5_000)).isTrue();
            assertThat(channel.queueDeclarePassive(QUEUE).getMessageCount()).isEqualTo(1);
            channel.queueDelete(QUEUE);
            channel.exchangeDelete(EXCHANGE);
        }
        assertThat(received).hasSize(EVENTS).contains("event-0", "event-" + (EVENTS - 1));
    }

    private static AMQP.BasicProperties persistent(int n) {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("event-" + n)
                .contentType("application/json").build();
    }

    private static ConnectionFactory connectionFactory(EmbeddedAmqpBroker broker) {
        var factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        return factory;
    }
}
