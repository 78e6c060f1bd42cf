package io.github.camelpreservica.benchmarks.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;

/**
 * How long an application takes from launch until Preservica has its subscription and until its first delivery is
 * answered 200, and how much resident memory it then holds; what scale-to-zero deployments look at first. The
 * application is started as a child process, configured only by the environment as its README says, against a
 * simulator in this JVM on loopback, and stopped with SIGTERM after each run.
 */
public final class StartupBenchmark {

    private static final String USER = "bench";
    private static final String TENANT = "BENCH";
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(120);
    private static final long SETTLE_MILLIS = 2000;

    /** One run's figures; a failed run has {@code error} set. */
    public record Run(long subscribedMillis, long firstDeliveryMillis, long residentKiB, boolean unsubscribed,
                      String error) {
    }

    private StartupBenchmark() {
    }

    /**
     * Runs the command {@code runs} times. The command gets PRESERVICA_SERVER, _USERNAME, _PASSWORD, _TENANT,
     * _WEBHOOK_SECRET, PRESERVICA_WEBHOOK_URL, CAMEL_SERVER_PORT and QUARKUS_HTTP_PORT in its environment.
     */
    public static List<Run> measure(List<String> command, int runs, Path log) throws IOException, InterruptedException {
        List<Run> results = new ArrayList<>();
        String password = randomHex();
        try (PreservicaSimulator simulator = PreservicaSimulator.builder().port(0).user(USER, password, TENANT)
                .build().start()) {
            for (int i = 0; i < runs; i++) {
                simulator.reset();
                results.add(runOnce(simulator, password, command, log));
            }
        }
        return results;
    }

    private static Run runOnce(PreservicaSimulator simulator, String password, List<String> command, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("PRESERVICA_SERVER", simulator.baseUrl());
        env.put("PRESERVICA_USERNAME", USER);
        env.put("PRESERVICA_PASSWORD", password);
        env.put("PRESERVICA_TENANT", TENANT);
        env.put("PRESERVICA_WEBHOOK_SECRET", randomHex());
        env.put("PRESERVICA_WEBHOOK_URL", "http://127.0.0.1:" + port + "/preservica/events");
        env.put("CAMEL_SERVER_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
            while (simulator.subscriptions().isEmpty()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    return failed(process.isAlive() ? "no subscription within the timeout" : "the process exited");
                }
                Thread.sleep(5);
            }
            long subscribed = elapsedMillis(start);
            List<DeliveryRecord> answers = simulator.fire("INDEXED", "startup-benchmark-ref");
            if (answers.isEmpty() || answers.get(0).status() != 200) {
                return failed("the first delivery was not answered 200: " + answers);
            }
            long firstDelivery = elapsedMillis(start);
            Thread.sleep(SETTLE_MILLIS);
            long resident = residentKiB(process.pid());
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                return failed("the process did not stop within 60 s of SIGTERM");
            }
            return new Run(subscribed, firstDelivery, resident, simulator.subscriptions().isEmpty(), null);
        } finally {
            process.destroyForcibly();
        }
    }

    /** VmRSS of the process, from /proc (Linux). */
    static long residentKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"),
                StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmRSS line for process " + pid);
    }

    /** A markdown table row: the medians of the successful runs, and how many failed. */
    public static String markdownRow(String label, List<Run> runs) {
        List<Run> good = runs.stream().filter(run -> run.error() == null).toList();
        if (good.isEmpty()) {
            return "| " + label + " | failed: " + runs.get(0).error() + " | | | |";
        }
        long subscribed = median(good.stream().mapToLong(Run::subscribedMillis).toArray());
        long firstDelivery = median(good.stream().mapToLong(Run::firstDeliveryMillis).toArray());
        long resident = median(good.stream().mapToLong(Run::residentKiB).toArray());
        long unsubscribed = good.stream().filter(Run::unsubscribed).count();
        return String.format("| %s | %d ms | %d ms | %.0f MiB | %d of %d |", label, subscribed, firstDelivery,
                resident / 1024.0, unsubscribed, runs.size());
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Run failed(String why) {
        return new Run(0, 0, 0, false, why);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
