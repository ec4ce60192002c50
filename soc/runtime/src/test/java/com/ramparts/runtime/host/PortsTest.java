package com.ramparts.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPortHeldByAServerSocketIsNotFreeUntilItIsClosed() throws IOException {
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, LOOPBACK)) {
            port = held.getLocalPort();
            assertThat(Ports.isFree(LOOPBACK, port)).isFalse();
        }
        assertThat(Ports.isFree(LOOPBACK, port)).isTrue();
    }

    @Test
    void aPortHeldOnTheWildcardAddressIsNotFreeOnLoopback() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(0));
            assertThat(Ports.isFree(LOOPBACK, held.getLocalPort())).isFalse();
        }
    }

    @Test
    void aListeningPortIsListeningUntilItIsClosed() throws IOException {
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, LOOPBACK)) {
            port = held.getLocalPort();
            assertThat(Ports.isListening(LOOPBACK, port)).isTrue();
        }
        assertThat(Ports.isListening(LOOPBACK, port)).isFalse();
    }

    @Test
    void freePortGivesAPortWeCanBind() throws IOException {
        int port = Ports.freePort();

        assertThat(port).isBetween(1, 65_535);
        assertThat(Ports.isListening(LOOPBACK, port)).isFalse();
        try (ServerSocket socket = new ServerSocket(port, 1, LOOPBACK)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
