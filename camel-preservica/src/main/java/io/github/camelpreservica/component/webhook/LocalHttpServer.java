package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;

/**
 * Whether the platform-http server already accepts connections, so that Preservica's challenge can reach it. Camel
 * Main, a plain CamelContext and Spring Boot listen before routes start and report their port; Camel Quarkus starts
 * routes before its server listens, and its engine reports no port (0) or the port it was built with (8080 in the
 * example, whatever QUARKUS_HTTP_PORT says at run time), so there the answer is "not known" or "not yet" and the
 * consumer subscribes in the background instead.
 */
final class LocalHttpServer {

    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final long PAUSE_MILLIS = 100;

    private LocalHttpServer() {
    }

    /**
     * Why the server cannot be shown to accept connections on loopback within the wait, or null when it does.
     */
    static String whyNotAccepting(CamelContext context, long waitMillis) throws InterruptedException {
        int port = reportedPort(context);
        if (port <= 0) {
            return "the platform-http engine does not report its port";
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            if (accepts(port)) {
                return null;
            }
            if (System.nanoTime() - deadline >= 0) {
                return "nothing accepts connections on port " + port + " of the loopback address yet";
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    private static int reportedPort(CamelContext context) {
        PlatformHttpComponent component = context.getComponent("platform-http", PlatformHttpComponent.class);
        PlatformHttpEngine engine = component == null ? null : component.getEngine();
        return engine == null ? 0 : engine.getServerPort();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
