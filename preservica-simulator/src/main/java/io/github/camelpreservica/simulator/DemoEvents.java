package io.github.camelpreservica.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fires {@code FULL_TEXT_INDEXED} for the demo assets in turn, for the examples. */
final class DemoEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvents.class);

    private final PreservicaSimulator simulator;
    private final AtomicInteger next = new AtomicInteger();
    private ScheduledExecutorService scheduler;

    DemoEvents(PreservicaSimulator simulator) {
        this.simulator = simulator;
    }

    synchronized void start(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The demo event interval must be positive, got " + interval);
        }
        stop();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "preservica-simulator-demo-events");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::fireNext, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void fireNext() {
        try {
            int index = Math.floorMod(next.getAndIncrement(), DemoAssets.WITH_THUMBNAILS.size());
            simulator.fire("INDEXED", DemoAssets.WITH_THUMBNAILS.get(index));
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed round must not end the demo
            LOG.warn("Demo event failed: {}", e.toString());
        }
    }
}
