package io.github.camelpreservica.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.main.MainCommandLineSupport;

import static org.awaitility.Awaitility.await;

/**
 * A Camel Main (or camel-kamelet-main) application running on a thread of its own, as its {@code run()} runs it,
 * stopped as Ctrl-C stops it: the main loop completes, then Camel stops its routes and services. Shared by the
 * examples' and the Kamelets' tests through this module's test-jar.
 */
public final class RunningMain implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final MainCommandLineSupport main;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "running-main"));
    private final Future<?> run;
    private final int port;

    /** Runs the application and returns once its CamelContext has started. */
    public RunningMain(MainCommandLineSupport main) {
        this(main, 0);
    }

    private RunningMain(MainCommandLineSupport main, int port) {
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
            throw new IllegalStateException("The application ended while starting");
        }
    }

    /** Runs the application with its HTTP server ({@code camel.server.port}) on a free loopback port. */
    public static RunningMain withServerOnFreePort(MainCommandLineSupport main) {
        int port = FreePorts.next();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        return new RunningMain(main, port);
    }

    /** The port of the application's HTTP server when {@link #withServerOnFreePort} chose it, else 0. */
    public int port() {
        return port;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Stops the application and waits until it has; rethrows what made it fail, if anything did. */
    public void stop() {
        main.completed();
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The application failed: " + e.getMessage(), e);
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
}
