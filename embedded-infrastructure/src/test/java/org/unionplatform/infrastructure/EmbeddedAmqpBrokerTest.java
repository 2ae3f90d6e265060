package org.unionplatform.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedAmqpBrokerTest {

    private static EmbeddedAmqpBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedAmqpBroker.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void picksAFreePortWhenAskedForPortZero() {
        assertThat(broker.port()).isPositive();
        assertThat(broker.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void topicExchangeRoutesAConfirmedPersistentMessageToADurableQueueThatIsConsumedAndAcked() throws Exception {
        try (Connection connection = connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("test.events", "topic", true);
            channel.queueDeclare("test.members", true, false, false, null);
            channel.queueBind("test.members", "test.events", "member.*");
            channel.confirmSelect();

            channel.basicPublish("test.events", "member.joined", true, persistent(),
                    "{\"name\":\"Li Wei\"}".getBytes(StandardCharsets.UTF_8));
            // Not mandatory: Qpid nacks an unroutable mandatory message, where RabbitMQ acks and returns it.
            channel.basicPublish("test.events", "station.opened", false, persistent(),
                    "not for members".getBytes(StandardCharsets.UTF_8));
            assertThat(channel.waitForConfirms(5_000)).isTrue();

            BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
            DeliverCallback onDelivery = (tag, delivery) -> {
                received.add(new String(delivery.getBody(), StandardCharsets.UTF_8));
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            };
            channel.basicQos(10);
            String consumerTag = channel.basicConsume("test.members", false, onDelivery, tag -> { });

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"name\":\"Li Wei\"}");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
            channel.basicCancel(consumerTag);
            assertThat(channel.queueDeclarePassive("test.members").getMessageCount()).isZero();
            channel.queueDelete("test.members");
            channel.exchangeDelete("test.events");
        }
    }

    @Test
    void rabbitMqDefaultVirtualHostSlashIsAccepted() throws Exception {
        ConnectionFactory factory = connectionFactory();
        factory.setVirtualHost("/");
        try (Connection connection = factory.newConnection();
             Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));
            GetResponse response = awaitMessage(channel, queue);
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        ConnectionFactory factory = connectionFactory();
        factory.setPassword("wrong");
        assertThatThrownBy(factory::newConnection).isInstanceOf(Exception.class);
    }

    @Test
    void startingOnAPortInUseFailsClearly() {
        assertThatThrownBy(() -> EmbeddedAmqpBroker.start("127.0.0.1", broker.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(broker.port()));
    }

    @Test
    void closingTwiceIsHarmlessAndFreesThePort() throws Exception {
        EmbeddedAmqpBroker second = EmbeddedAmqpBroker.start("127.0.0.1", 0);
        int port = second.port();
        second.close();
        second.close();

        try (java.net.ServerSocket reuse = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    private static GetResponse awaitMessage(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No message arrived on " + queue);
    }

    private static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build();
    }

    private static ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        return factory;
    }
}
