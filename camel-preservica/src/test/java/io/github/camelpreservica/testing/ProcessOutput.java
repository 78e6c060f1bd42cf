package io.github.camelpreservica.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines an application started as a process of its own writes to its standard output, read on a thread of their
 * own from the start, so that the process never blocks on a full pipe and a test can look at what it printed so far.
 */
public final class ProcessOutput {

    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ProcessOutput(Process process) {
        reader = new Thread(() -> read(process), "process-" + process.pid() + "-stdout");
        reader.setDaemon(true);
    }

    /** Starts reading the process' standard output. */
    public static ProcessOutput of(Process process) {
        ProcessOutput output = new ProcessOutput(process);
        output.reader.start();
        return output;
    }

    /** The lines printed so far, each whole. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until the process has closed its standard output (it ended) and every line is read, up to the timeout. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }

    private void read(Process process) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process ended; what was read stays
        }
    }
}
