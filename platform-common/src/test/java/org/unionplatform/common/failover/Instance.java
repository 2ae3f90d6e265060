package org.unionplatform.common.failover;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * One instance of a service for the failover tests, on a loopback port: it answers {@code /api/things} with its
 * name, or with the status it is told to give, after an optional delay, and counts the requests it received.
 * {@link #refusing()} and {@link #stalled()} are addresses of instances that are down.
 */
final class Instance implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    Instance(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/things", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    int received() {
        return received.get();
    }

    Instance answering(int status) {
        this.status = status;
        return this;
    }

    Instance after(Duration delay) {
        this.delay = delay;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The address of an instance that is down: nothing listens, the connection is refused. */
    static String refusing() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An instance that accepts no connection: its port listens, but its backlog is full and never taken, so
     * connecting times out (as with a host that has gone away without a word). Closed with the returned handle.
     */
    static Stalled stalled() {
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            List<Socket> backlog = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Socket waiting = new Socket();
                try {
                    waiting.connect(socket.getLocalSocketAddress(), 200);
                    backlog.add(waiting);
                } catch (SocketTimeoutException full) {
                    waiting.close();
                    return new Stalled(socket, backlog);
                }
            }
            throw new IllegalStateException("The listening socket's backlog never filled");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Stalled(ServerSocket socket, List<Socket> backlog) implements AutoCloseable {

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket waiting : backlog) {
                waiting.close();
            }
            socket.close();
        }
    }
}
