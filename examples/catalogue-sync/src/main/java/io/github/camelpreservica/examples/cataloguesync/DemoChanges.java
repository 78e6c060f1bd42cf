package io.github.camelpreservica.examples.cataloguesync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo's Preservica does every few seconds: in turn, a new asset is ingested into the demo folder (with the
 * thumbnail of a demo asset), or a demo asset is retitled, and the INDEXED webhook fires for it as Preservica does
 * after an ingest or an edit.
 */
final class DemoChanges {

    private static final Logger LOG = LoggerFactory.getLogger(DemoChanges.class);
    private static final List<String> SUBJECTS = List.of("Harbour wall", "Lifeboat crew", "Market day",
            "Fishing fleet", "Lighthouse", "Railway station", "Town hall", "Regatta");

    private final PreservicaSimulator simulator;
    private final AtomicInteger step = new AtomicInteger();
    private ScheduledExecutorService scheduler;

    DemoChanges(PreservicaSimulator simulator) {
        this.simulator = simulator;
    }

    synchronized void start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalogue-demo-changes");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::changeOne, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void changeOne() {
        try {
            int n = step.getAndIncrement();
            List<SimulatedAsset> withThumbnails = simulator.assets().stream().filter(SimulatedAsset::hasThumbnail)
                    .toList();
            SimulatedAsset model = withThumbnails.get(n % withThumbnails.size());
            SimulatedAsset changed;
            if (n % 2 == 0) {
                String ref = String.format("00000000-demo-4000-8000-%012d", n);
                String subject = SUBJECTS.get((n / 2) % SUBJECTS.size());
                changed = copy(model, ref, subject + ", photograph " + (n / 2 + 1));
            } else {
                String title = model.title().replaceAll(" \\(revised \\d+\\)$", "");
                changed = copy(model, model.ref(), title + " (revised " + (n / 2 + 1) + ")");
            }
            simulator.addAsset(changed);
            simulator.fire("INDEXED", changed.ref());
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed change must not end the demo
            LOG.warn("Demo change failed: {}", e.toString());
        }
    }

    private static SimulatedAsset copy(SimulatedAsset model, String ref, String title) {
        return new SimulatedAsset(ref, title, model.description(), model.securityTag(), DemoAssets.FOLDER_REF,
                model.thumbnail("large"), model.thumbnailContentType());
    }
}
