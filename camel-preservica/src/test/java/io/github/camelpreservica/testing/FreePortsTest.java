package io.github.camelpreservica.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void givesEachPortOnceAndBelowTheEphemeralRange() throws Exception {
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(1024, 32_767);
            assertThat(given.add(port)).as("port %d given twice", port).isTrue();
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void skipsAPortSomethingListensOn() throws Exception {
        int before = FreePorts.next();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), before + 1));
            assertThat(FreePorts.next()).isNotEqualTo(taken.getLocalPort());
        }
    }
}
