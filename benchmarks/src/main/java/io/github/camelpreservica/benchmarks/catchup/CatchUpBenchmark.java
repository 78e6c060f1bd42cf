package io.github.camelpreservica.benchmarks.catchup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelpreservica.component.webhook.PreservicaWebhookComponent;
import io.github.camelpreservica.component.webhook.PreservicaWebhookConfiguration;
import io.github.camelpreservica.component.webhook.PreservicaWebhookConsumer;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedCatalogue;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Catching up on a window of many changes: the simulator (in this JVM, on loopback) records {@code changes} title
 * edits, then a receive-only route with catchUp routes them, page by page. Measures the time of the round, and the
 * heap: sampled every 10 ms during the round, and the bytes allocated by the catch-up thread. The simulator's change
 * log itself takes heap in this JVM (it is measured before the round starts, as the baseline).
 */
public final class CatchUpBenchmark {

    /** What one run measured. */
    public record Result(int changes, int pageSize, long routed, Duration elapsed, long heapBeforeBytes,
                         long peakHeapBytes, long catchUpThreadAllocatedBytes, String outcome) {

        /** One line of Markdown table, with a header from {@link #HEADER}. */
        public String markdownRow() {
            return String.format("| %d | %d | %d | %d | %.0f | %.1f | %.1f | %.0f | %s |", changes, pageSize, routed,
                    elapsed.toMillis(), routed * 1000.0 / Math.max(1, elapsed.toMillis()), heapBeforeBytes / 1e6,
                    peakHeapBytes / 1e6, catchUpThreadAllocatedBytes / (double) Math.max(1, routed), outcome);
        }
    }

    public static final String HEADER = "| changes | page size | routed | ms | changes/s | heap before (MB) "
            + "| peak heap during (MB) | allocated per change (bytes) | outcome |\n|---|---|---|---|---|---|---|---|---|";

    private CatchUpBenchmark() {
    }

    public static Result run(int changes, int pageSize) throws Exception {
        try (PreservicaSimulator simulator = PreservicaSimulator.builder().port(0).user("bench", "bench-pw", "BENCH")
                .demoAssets(false).build().start()) {
            SimulatedCatalogue catalogue = simulator.catalogue();
            for (int i = 0; i < changes; i++) {
                catalogue.create("IO", "bench-" + i, "Changed " + i, null, false);
            }
            AtomicLong routed = new AtomicLong();
            AtomicLong catchUpThread = new AtomicLong(-1);
            CamelContext context = context(simulator);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // receive only; the first round on start reads the last hour: every change made above
                    from("preservica-webhook:bench?subscribe=false&catchUp=true&catchUpInterval=1h"
                            + "&catchUpInitialLookBack=1h&catchUpPageSize=" + pageSize).routeId("bench")
                            .process(exchange -> {
                                catchUpThread.compareAndSet(-1, Thread.currentThread().getId());
                                routed.incrementAndGet();
                            });
                }
            });
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            long started = System.nanoTime();
            context.start();
            PreservicaWebhookConsumer consumer = (PreservicaWebhookConsumer) context.getRoute("bench").getConsumer();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (consumer.getCatchUpLastRound().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long allocated = allocatedBy(catchUpThread.get());
            sampler.stopSampling();
            String round = consumer.getCatchUpLastRound();
            context.stop();
            String outcome = round.contains("completed") ? "completed" : round.isEmpty() ? "timed out" : round;
            return new Result(changes, pageSize, routed.get(), elapsed, heapBefore, sampler.peak(), allocated,
                    outcome);
        }
    }

    private static CamelContext context(PreservicaSimulator simulator) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            http.setBindPort(socket.getLocalPort());
        }
        context.addService(new VertxPlatformHttpServer(http));
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        PreservicaWebhookConfiguration defaults = component.getConfiguration();
        defaults.setServer(simulator.baseUrl());
        defaults.setUsername("bench");
        defaults.setPassword("bench-pw");
        defaults.setTenant("BENCH");
        defaults.setSecret("catch-up-benchmark-secret-0123456789");
        return context;
    }

    /** Bytes the thread allocated so far (HotSpot's ThreadMXBean), or -1 when unknown. */
    private static long allocatedBy(long threadId) {
        if (threadId < 0 || !(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)) {
            return -1;
        }
        return bean.getThreadAllocatedBytes(threadId);
    }

    /** The highest heap use seen, sampled every 10 ms on a daemon thread. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        private volatile boolean sampling = true;
        private volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            super("catch-up-heap-sampler");
            setDaemon(true);
            this.memory = memory;
        }

        @Override
        public void run() {
            while (sampling) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() throws InterruptedException {
            sampling = false;
            join(1000);
        }

        long peak() {
            return peak;
        }
    }
}
