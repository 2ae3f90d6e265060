package org.unionplatform.gateway;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;

/** The Redis on this machine (127.0.0.1:6379), shared with others: tests delete every key they made. */
final class TestRedis {

    static final int PORT = 6379;

    private TestRedis() {
    }

    static void deleteKeysStartingWith(String prefix) {
        List<String> keys = keysStartingWith(prefix);
        if (!keys.isEmpty()) {
            Connection.COMMANDS.del(keys.toArray(String[]::new));
        }
    }

    static List<String> keysStartingWith(String prefix) {
        // The prefix is ours (letters, digits, dashes): no glob characters to escape.
        return ScanIterator.scan(Connection.COMMANDS, ScanArgs.Builder.matches(prefix + "*").limit(500)).stream().toList();
    }

    /** One connection per test JVM, opened on first use. */
    private static final class Connection {
        static final RedisCommands<String, String> COMMANDS = open();

        private static RedisCommands<String, String> open() {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + PORT);
            var connection = client.connect();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                connection.close();
                client.shutdown();
            }));
            return connection.sync();
        }
    }
}
