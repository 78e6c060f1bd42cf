package io.github.camelpreservica.examples.cataloguesync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import static org.awaitility.Awaitility.await;

/**
 * A Camel Main application running on a thread of its own, as {@code main(String[])} runs it, stopped the way Ctrl-C
 * stops it: the main loop completes, then Camel stops its routes and services.
 */
final class RunningApplication implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;

    private final Main main;
    private final int port;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "example-main"));
    private final Future<?> run;

    private RunningApplication(Main main, int port) {
        this.main = main;
        this.port = port;
        this.run = thread.submit(() -> {
            main.run();
            return null;
        });
        await().atMost(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .until(() -> run.isDone() || (main.getCamelContext() != null && main.getCamelContext().isStarted()));
        if (run.isDone()) {
            stop(); // rethrows what made it fail, if anything did
            throw new IllegalStateException("The example application ended while starting");
        }
    }

    /** Starts the application on a free local port for its HTTP server. */
    static RunningApplication start(Main main) {
        int port = freePort();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        return new RunningApplication(main, port);
    }

    /** The port of the application's HTTP server. */
    int port() {
        return port;
    }

    CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Stops the application and waits until it has; rethrows what made it fail, if anything did. */
    void stop() {
        main.completed();
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The example application failed: " + e.getMessage(), e);
        } finally {
            thread.shutdownNow();
        }
    }

    @Override
    public void close() {
        if (!run.isDone()) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
