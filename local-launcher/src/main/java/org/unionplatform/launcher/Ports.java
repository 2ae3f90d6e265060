package org.unionplatform.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds out, before anything starts, whether a port the platform needs is taken. */
final class Ports {

    private Ports() {
    }

    /**
     * True when nothing can listen on {@code port} on all interfaces (what a Spring Boot app does):
     * also true when another process listens on it on the loopback address only.
     */
    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As Tomcat and Netty do: connections of a previous run lingering in TIME_WAIT do not count.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
