package io.github.camelpreservica.examples.cataloguesync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The example in a JVM of its own, configured by environment variables alone as its README says, so that a test can
 * kill it outright (SIGKILL: no route stop, no shutdown hook, no last checkpoint) or stop it cleanly (SIGTERM: Camel
 * Main's shutdown hook stops the routes). Its output goes to a file next to the test's other files.
 */
final class CatalogueJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private CatalogueJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application and waits until its HTTP server answers {@code GET /catalogue}. */
    static CatalogueJvm start(Map<String, String> environment, int port, Path workDir, String name)
            throws IOException {
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CatalogueSyncApplication.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("CAMEL_SERVER_PORT", String.valueOf(port));
        CatalogueJvm jvm = new CatalogueJvm(builder.start(), port, log);
        CatalogueClient client = new CatalogueClient(port);
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> !jvm.process.isAlive() || client.get("/catalogue").statusCode() == 200);
        } catch (RuntimeException e) {
            jvm.kill();
            throw new IllegalStateException("The catalogue JVM did not start; its output:\n" + jvm.output(), e);
        }
        if (!jvm.process.isAlive()) {
            throw new IllegalStateException("The catalogue JVM ended while starting; its output:\n" + jvm.output());
        }
        return jvm;
    }

    int port() {
        return port;
    }

    CatalogueClient client() {
        return new CatalogueClient(port);
    }

    /** SIGKILL; returns the exit code. */
    int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; returns the exit code. */
    int stop() {
        process.destroy();
        return awaitExit();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
