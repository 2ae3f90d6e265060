package org.unionplatform.testsupport;

/** Where a test's AMQP 0-9-1 broker listens and how to log in. */
public record BrokerAddress(String host, int port, String username, String password, String virtualHost) {

    @Override
    public String toString() {
        // No password: this ends up in test logs.
        return host + ":" + port + " (user " + username + ", virtual host " + virtualHost + ")";
    }
}
