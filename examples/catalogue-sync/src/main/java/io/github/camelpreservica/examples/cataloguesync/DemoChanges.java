package io.github.camelpreservica.examples.cataloguesync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.examples.demo.DemoPreservica.DemoActivity;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import io.github.camelpreservica.simulator.SimulatedCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo's Preservica does every few seconds, in turn: a new asset is ingested into the demo folder (with the
 * thumbnail of a demo asset) and its INDEXED webhook fires; an asset is retitled (Preservica fires no webhook for
 * that: the catch-up brings it); an asset's security tag changes (SECURITY_CHANGED fires); and, once there are
 * enough, the oldest new asset is deleted (no webhook either), until then the demo folder is renamed (no webhook).
 * The shared demo mode runs it through {@link #ACTIVITY} in place of the simulator's own INDEXED events.
 */
final class DemoChanges implements AutoCloseable {

    /** The demo mode's activity: a {@code DemoChanges} on the demo's simulator, closed before the simulator. */
    static final DemoActivity ACTIVITY = new DemoActivity() {
        @Override
        public AutoCloseable start(PreservicaSimulator simulator, Duration interval) {
            DemoChanges changes = new DemoChanges(simulator);
            changes.start(interval);
            return changes;
        }

        @Override
        public String description() {
            return "creates or edits an entity";
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(DemoChanges.class);
    private static final List<String> SUBJECTS = List.of("Harbour wall", "Lifeboat crew", "Market day",
            "Fishing fleet", "Lighthouse", "Railway station", "Town hall", "Regatta");
    private static final List<String> SECURITY_TAGS = List.of("open", "closed");
    private static final int KEPT_NEW_ASSETS = 6;

    private final PreservicaSimulator simulator;
    private final AtomicInteger step = new AtomicInteger();
    private final Deque<String> created = new ConcurrentLinkedDeque<>();
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

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void changeOne() {
        try {
            int n = step.getAndIncrement();
            SimulatedCatalogue catalogue = simulator.catalogue();
            switch (n % 4) {
                case 0 -> ingest(n / 4);
                case 1 -> {
                    String ref = someAsset(n);
                    String title = catalogue.entry(ref).title().replaceAll(" \\(revised \\d+\\)$", "");
                    catalogue.modify(ref, title + " (revised " + (n / 4 + 1) + ")", null, false);
                }
                case 2 -> catalogue.changeSecurity(someAsset(n), SECURITY_TAGS.get((n / 4) % 2), true);
                default -> {
                    if (created.size() > KEPT_NEW_ASSETS) {
                        catalogue.delete(created.removeFirst());
                    } else {
                        catalogue.modify(DemoAssets.FOLDER_REF, "Harbour town archive", null, false);
                    }
                }
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed change must not end the demo
            LOG.warn("Demo change failed: {}", e.toString());
        }
    }

    /** A new asset with a thumbnail: created without its webhook, given the image, then indexed. */
    private void ingest(int n) {
        List<SimulatedAsset> models = simulator.assets().stream().filter(SimulatedAsset::hasThumbnail).toList();
        SimulatedAsset model = models.get(n % models.size());
        String title = SUBJECTS.get(n % SUBJECTS.size()) + ", photograph " + (n + 1);
        String ref = simulator.catalogue().create("IO", null, title, DemoAssets.FOLDER_REF, false).ref();
        simulator.addAsset(new SimulatedAsset(ref, title, model.description(), "open", DemoAssets.FOLDER_REF,
                model.thumbnail("large"), model.thumbnailContentType()));
        created.addLast(ref);
        simulator.fire("INDEXED", ref);
    }

    /** One of the assets, the demo's own and the new ones, in turn. */
    private String someAsset(int n) {
        List<String> refs = new ArrayList<>(DemoAssets.WITH_THUMBNAILS);
        refs.addAll(created);
        return refs.get(n % refs.size());
    }
}
