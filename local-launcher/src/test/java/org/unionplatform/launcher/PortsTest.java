package org.unionplatform.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aPortSomeoneListensOnLoopbackIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.inUse(taken.getLocalPort())).isTrue();
        }
    }

    @Test
    void aPortOnlyLingeringConnectionsUseIsFree() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            port = server.getLocalPort();
            accepted.close(); // the server side closes first, so its end lingers in TIME_WAIT
        }
        assertThat(Ports.inUse(port)).isFalse();
    }

    @Test
    void aPortNobodyListensOnIsFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(Ports.inUse(port)).isFalse();
    }
}
