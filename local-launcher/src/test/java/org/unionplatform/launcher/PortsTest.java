package org.unionplatform.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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
    void aPortNobodyListensOnIsFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(Ports.inUse(port)).isFalse();
    }
}
