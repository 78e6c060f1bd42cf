package io.github.camelpreservica.component.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link CrashingReceiverMain} running in a child JVM (the test classpath, the JVM running the tests), its stdout and
 * stderr read line by line on a thread of their own so that the child never blocks on a full pipe.
 */
final class ReceiverJvm implements AutoCloseable {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    // put once the child's output has ended; compared by identity, so no line of output can be mistaken for it
    private static final String END_OF_OUTPUT = new String("end of output");

    private final Process process;
    private final int port;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ReceiverJvm(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reader = new Thread(this::readOutput, "receiver-jvm-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the child on the port with the endpoint name; {@code settings} become its environment variables (the
     * keys of {@link CrashingReceiverMain}), so no credential appears on its command line.
     */
    static ReceiverJvm start(int port, String name, Map<String, String> settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingReceiverMain.class.getName(), Integer.toString(port), name).redirectErrorStream(true);
        builder.environment().putAll(settings);
        return new ReceiverJvm(builder.start(), port);
    }

    int port() {
        return port;
    }

    /**
     * Waits for the next line starting with the prefix, skipping the lines before it, and returns the rest of it;
     * empty when the child's output ended first.
     *
     * @throws AssertionError when neither happened within the timeout
     */
    Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("No line '" + prefix + "' from the receiver JVM on port " + port + " within "
                        + timeout + "; its output so far:\n" + output);
            }
            if (line == END_OF_OUTPUT) {
                lines.add(END_OF_OUTPUT);
                return Optional.empty();
            }
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).trim());
            }
        }
    }

    /** Kills the child with SIGKILL (no shutdown hook runs), waits until it is gone, and returns its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit();
    }

    /** Waits until the child has exited and its output has been read to the end; returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The receiver JVM on port " + port + " did not exit within " + EXIT_WAIT);
        }
        reader.join(EXIT_WAIT.toMillis());
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the child wrote to stdout and stderr so far. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            output.append("(reading the output failed: ").append(e).append(")\n");
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }
}
