package org.unionplatform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy to {@code targetHost:targetPort} that a test can {@link #cut()} and
 * {@link #restore()}, to make a broker or a service unreachable without stopping it.
 * <p>
 * While cut, the proxy's port is closed: open connections are dropped and new ones are refused, as
 * when the server is down. {@link #restore()} listens on the same port again. While {@link #stall() stalled},
 * connections stay open and new ones are accepted, but no byte goes through in either direction, as when the
 * server hangs; {@link #resume()} lets the held bytes through.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile boolean closed;
    private volatile boolean stalled;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptOn(server);
    }

    /** Starts a proxy on a free loopback port. */
    public static TcpProxy to(String targetHost, int targetPort) {
        return new TcpProxy(targetHost, targetPort);
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public int port() {
        return port;
    }

    public boolean isCut() {
        return server == null;
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
            awaitAcceptorExit();
        }
        openSockets.forEach(TcpProxy::closeQuietly);
        openSockets.clear();
    }

    /** Keeps every connection open but forwards nothing until {@link #resume()}. */
    public void stall() {
        stalled = true;
    }

    public void resume() {
        stalled = false;
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (closed) {
            throw new IllegalStateException("The proxy is closed");
        }
        if (server == null) {
            server = listen(port);
            acceptOn(server);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on loopback port " + onPort, e);
        }
    }

    /**
     * A socket closed while a thread is blocked in accept() is really closed only when that thread
     * leaves accept(); until then the kernel still completes handshakes. Wait, so "cut" means refused.
     */
    private void awaitAcceptorExit() {
        Thread thread = acceptor;
        if (thread == null) {
            return;
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptOn(ServerSocket listening) {
        acceptor = Thread.ofPlatform().daemon().name("tcp-proxy-accept-" + listening.getLocalPort()).start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    // Registered before this thread accepts again, so a cut() that joins it closes this one too.
                    openSockets.add(client);
                    Thread.ofVirtual().name("tcp-proxy-connect-" + port).start(() -> connect(client));
                } catch (IOException e) {
                    // Closed by cut() or close(); the loop ends.
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        openSockets.add(upstream);
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
        } catch (IOException e) {
            // The target itself is down: behave like it, drop the client.
            closeBoth(client, upstream);
            return;
        }
        if (isCut()) {
            // cut() ran while we were connecting.
            closeBoth(client, upstream);
            return;
        }
        pump(client, upstream);
        pump(upstream, client);
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().name("tcp-proxy-pump-" + port).start(() -> {
            byte[] buffer = new byte[BUFFER_SIZE];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (stalled && !closed && !from.isClosed()) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // One side closed or the proxy was cut; closing both ends below tells the other side.
            } finally {
                closeBoth(from, to);
            }
        });
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        openSockets.remove(a);
        openSockets.remove(b);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing to do: it is going away either way.
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + host() + ":" + port + " -> " + targetHost + ":" + targetPort + (isCut() ? ", cut" : "") + "]";
    }
}
