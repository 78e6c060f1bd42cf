package io.github.camelpreservica.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires {@code FULL_TEXT_INDEXED} for the demo assets in turn, for the examples; every third time also edits the
 * title of the interview asset, a change no webhook reports.
 */
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
            int tick = next.getAndIncrement();
            int index = Math.floorMod(tick, DemoAssets.WITH_THUMBNAILS.size());
            simulator.fire("INDEXED", DemoAssets.WITH_THUMBNAILS.get(index));
            if (tick % 3 == 2 && simulator.catalogue().entry(DemoAssets.INTERVIEW_REF) != null) {
                // a title edit fires no webhook: only catching up from the change queries sees it
                simulator.catalogue().modify(DemoAssets.INTERVIEW_REF, "Oral history interview (edit " + tick + ")",
                        null, false);
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed round must not end the demo
            LOG.warn("Demo event failed: {}", e.toString());
        }
    }
}
