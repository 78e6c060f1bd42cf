package io.github.camelpreservica.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for a server a test starts itself, or hands to a child JVM, on the loopback address.
 * <p>
 * A port asked of the kernel with {@code new ServerSocket(0)} and closed again comes from the ephemeral range, the
 * range the kernel also draws from for the local end of every outgoing connection and every other {@code bind(0)}. In
 * the moment between closing it and the test's server binding it, one of the suite's own HTTP clients could take it,
 * and the server then fails to bind (the likeliest cause of one failed CI run). The ports here lie below that range
 * (Linux starts it at
 * 32768; Windows and macOS at 49152), where the kernel never hands one out, and each is given once per JVM and only
 * after a bind on the loopback address and on the wildcard address succeeded.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private static final AtomicInteger NEXT = new AtomicInteger(
            LOWEST + ThreadLocalRandom.current().nextInt(HIGHEST - LOWEST));

    private FreePorts() {
    }

    /** A loopback port that nothing listens on now and that no other caller in this JVM has been given. */
    public static int next() {
        for (int tried = 0; tried < HIGHEST - LOWEST; tried++) {
            int port = NEXT.getAndUpdate(p -> p + 1 >= HIGHEST ? LOWEST : p + 1);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No port between " + LOWEST + " and " + HIGHEST + " could be bound");
    }

    private static boolean bindable(int port) {
        try (ServerSocket loopback = new ServerSocket();
                ServerSocket wildcard = new ServerSocket()) {
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            loopback.close();
            wildcard.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
