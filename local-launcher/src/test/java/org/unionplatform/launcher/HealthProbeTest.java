package org.unionplatform.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

    private final HealthProbe probe = new HealthProbe();

    @Test
    void anApplicationAnsweringUpIsUp() throws IOException {
        HttpServer server = healthServer(200, "{\"status\":\"UP\"}");
        try {
            assertThat(probe.isUp(server.getAddress().getPort())).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anApplicationAnsweringDownIsNotUp() throws IOException {
        HttpServer server = healthServer(503, "{\"status\":\"DOWN\"}");
        try {
            assertThat(probe.isUp(server.getAddress().getPort())).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsNotUp() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(probe.isUp(port)).isFalse();
    }

    private static HttpServer healthServer(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
