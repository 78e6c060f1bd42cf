package io.github.camelpreservica.examples.cataloguesync;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo mode as catalogue-sync runs it: the shared DemoPreservica with DemoChanges as its activity. */
class DemoChangesTest {

    @Test
    void theDemoSimulatorIngestsAndEditsEntitiesUntilCamelStops() throws Exception {
        DemoPreservica demo = new DemoPreservica(Duration.ofMillis(100), DemoChanges.ACTIVITY);
        Main main = new Main();
        main.addMainListener(demo);
        main.start();
        PreservicaSimulator simulator;
        Set<String> demoAssets;
        try {
            simulator = demo.simulator().orElseThrow();
            demoAssets = simulator.assets().stream().map(SimulatedAsset::ref).collect(Collectors.toSet());
            int changesAtStart = simulator.catalogue().changeCount();
            // one round of four: an ingest, a retitle, a security change and a folder rename
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> simulator.catalogue().changeCount() >= changesAtStart + 4);
            List<SimulatedAsset> ingested = simulator.assets().stream()
                    .filter(asset -> !demoAssets.contains(asset.ref())).toList();
            assertThat(ingested).isNotEmpty().allMatch(SimulatedAsset::hasThumbnail);
        } finally {
            main.stop();
        }
        // stopped before the simulator closed: nothing changes any more
        int changesAtStop = simulator.catalogue().changeCount();
        Thread.sleep(500);
        assertThat(simulator.catalogue().changeCount()).isEqualTo(changesAtStop);
    }
}
