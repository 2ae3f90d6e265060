package org.unionplatform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TcpProxyTest {

    private ServerSocket echoServer;
    private Thread echoAcceptor;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoAcceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!echoServer.isClosed()) {
                try {
                    Socket socket = echoServer.accept();
                    Thread.ofVirtual().start(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = TcpProxy.to("127.0.0.1", echoServer.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
    }

    @Test
    void forwardsBytesBothWays() throws IOException {
        try (Socket socket = new Socket(proxy.host(), proxy.port())) {
            assertThat(roundTrip(socket, "ping")).isEqualTo("ping");
        }
    }

    @Test
    void cutDropsOpenConnectionsAndRefusesNewOnes() throws IOException {
        try (Socket socket = new Socket(proxy.host(), proxy.port())) {
            assertThat(roundTrip(socket, "before")).isEqualTo("before");

            proxy.cut();

            assertThat(proxy.isCut()).isTrue();
            assertThat(readAfterCut(socket)).isEqualTo(-1);
        }
        assertThat(canTalkThrough(proxy.port())).as("a new connection after the cut").isFalse();
    }

    @Test
    void restoreAcceptsConnectionsAgainOnTheSamePort() throws IOException {
        int port = proxy.port();
        proxy.cut();
        proxy.restore();

        assertThat(proxy.port()).isEqualTo(port);
        try (Socket socket = new Socket(proxy.host(), port)) {
            assertThat(roundTrip(socket, "after")).isEqualTo("after");
        }
    }

    @Test
    void aDownTargetLooksDownThroughTheProxy() throws IOException, InterruptedException {
        echoServer.close();
        echoAcceptor.join(5_000); // the port is really closed only once accept() has returned
        try (Socket socket = new Socket(proxy.host(), proxy.port())) {
            assertThat(readAfterCut(socket)).isEqualTo(-1);
        }
    }

    /**
     * Whether a new connection reaches the echo server. Refused is the usual answer; on a busy machine the
     * kernel may instead hand the closed port to an outgoing connection (even a self-connect), so "cannot
     * talk through" is what a cut proxy promises, not a particular error.
     */
    private static boolean canTalkThrough(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return "probe".equals(roundTrip(socket, "probe")) && socket.getLocalPort() != port;
        } catch (IOException refusedOrDropped) {
            return false;
        }
    }

    /** A dropped connection shows as end of stream or as a reset, depending on timing. */
    private static int readAfterCut(Socket socket) throws IOException {
        // Generous: the proxy's own connect attempt to a closed port can take a while on a loaded machine.
        socket.setSoTimeout(15_000);
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        byte[] reply = socket.getInputStream().readNBytes(text.length());
        return new String(reply, StandardCharsets.UTF_8);
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // Client went away.
        }
    }
}
