import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Client half of bench/broker-restart.sh, run as a single-file program against the embedded broker of ./run.sh:
 * {@code publish <port> <queue> <count>} declares a durable queue nobody consumes and publishes persistent
 * messages with publisher confirms; {@code consume <port> <queue> <expected>} reads what is there after the
 * restart, counts distinct message numbers and deletes the queue. Credentials and virtual host are
 * EmbeddedAmqpBroker's (guest/guest on "/").
 */
public class BrokerRestart {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String queue = args[2];
        int count = Integer.parseInt(args[3]);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        factory.setConnectionTimeout(10_000);
        try (Connection connection = factory.newConnection("bench-broker-restart");
             Channel channel = connection.createChannel()) {
            switch (mode) {
                case "publish" -> publish(channel, queue, count);
                case "consume" -> consume(channel, queue, count);
                default -> throw new IllegalArgumentException("mode is publish or consume, not " + mode);
            }
        }
    }

    private static void publish(Channel channel, String queue, int count) throws Exception {
        channel.queueDeclare(queue, true, false, false, null);
        channel.confirmSelect();
        AMQP.BasicProperties persistent = MessageProperties.PERSISTENT_TEXT_PLAIN;
        for (int i = 0; i < count; i++) {
            channel.basicPublish("", queue, true, persistent, ("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        // Throws when any message is nacked or not confirmed in time: only then is "confirmed" printed.
        channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(60));
        int ready = channel.queueDeclarePassive(queue).getMessageCount();
        System.out.printf("published %d confirmed (queue %s holds %d)%n", count, queue, ready);
    }

    private static void consume(Channel channel, String queue, int expected) throws Exception {
        int ready;
        try {
            ready = channel.queueDeclarePassive(queue).getMessageCount();
        } catch (java.io.IOException e) {
            System.out.printf("after restart 0 consumed: queue %s is gone%n", queue);
            System.exit(1);
            return;
        }
        Set<String> distinct = new HashSet<>();
        int received = 0;
        GetResponse response;
        while ((response = channel.basicGet(queue, false)) != null) {
            distinct.add(new String(response.getBody(), StandardCharsets.UTF_8));
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            received++;
        }
        channel.queueDelete(queue);
        System.out.printf("after restart %d consumed (%d distinct, queue held %d; queue deleted)%n",
                received, distinct.size(), ready);
        System.exit(distinct.size() == expected ? 0 : 1);
    }
}
