package io.github.camelpreservica.examples.thumbnails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example end to end in demo mode, as {@code main} runs it: simulator, subscription, signed delivery, Entity API
 * calls and the file on disk.
 */
class ThumbnailsApplicationTest {

    @TempDir
    Path thumbnailDir;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "example-main"));
    private Main main;
    private Future<?> run;

    @AfterEach
    void stopApplication() throws Exception {
        if (main != null) {
            main.completed();
            run.get(60, TimeUnit.SECONDS);
        }
        thread.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void indexedEventWritesTheAssetsLargeThumbnail(String dsl) {
        // the test fires its own event: no demo schedule
        DemoPreservica demo = new DemoPreservica(null);
        PreservicaSimulator simulator = start(demo, dsl);
        SimulatedAsset asset = simulator.assets().stream()
                .filter(a -> a.ref().equals(DemoAssets.HARBOUR_REF)).findFirst().orElseThrow();

        simulator.fire("INDEXED", asset.ref());

        Path written = thumbnailDir.resolve(asset.ref() + ".jpg");
        await().atMost(20, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(written).exists().hasBinaryContent(asset.thumbnail("large")));
        assertThat(asset.thumbnail("large")).isNotEqualTo(asset.thumbnail("medium"));
        assertThat(main.getCamelContext().getRoutes()).extracting(r -> r.getRouteId())
                .containsExactly("thumbnails-" + dsl);
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void assetWithoutThumbnailWritesNoFile(String dsl) {
        PreservicaSimulator simulator = start(new DemoPreservica(null), dsl);

        // deliveries are answered after the route ran, so once fire returns the route is done with the event
        simulator.fire("INDEXED", DemoAssets.INTERVIEW_REF, DemoAssets.HARBOUR_REF);

        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> thumbnailDir.resolve(DemoAssets.HARBOUR_REF + ".jpg").toFile().exists());
        assertThat(thumbnailDir.resolve(DemoAssets.INTERVIEW_REF + ".jpg")).doesNotExist();
    }

    @Test
    void dotRelativeDirectoryGetsNoStrayCopyInsideItself() throws Exception {
        // Writing under a temporary name, the file component turns ./<dir> into <dir>/<dir>. The module's target/ is
        // the one single-segment directory, relative to the working directory, that a test may write into.
        Path target = Path.of("target");
        Path written = target.resolve(DemoAssets.HARBOUR_REF + ".jpg");
        Files.deleteIfExists(written);
        deleteRecursively(target.resolve("target"));
        PreservicaSimulator simulator = start(new DemoPreservica(null), "java", "./target");

        simulator.fire("INDEXED", DemoAssets.HARBOUR_REF);

        await().atMost(20, TimeUnit.SECONDS).until(() -> Files.exists(written));
        assertThat(target.resolve("target")).doesNotExist();
    }

    private PreservicaSimulator start(DemoPreservica demo, String dsl) {
        return start(demo, dsl, thumbnailDir.toString());
    }

    private PreservicaSimulator start(DemoPreservica demo, String dsl, String dir) {
        main = ThumbnailsApplication.newMain(demo);
        main.addOverrideProperty("camel.server.port", String.valueOf(FreePorts.next()));
        main.addOverrideProperty("thumbnails.dir", dir);
        main.addOverrideProperty("thumbnails.dsl", dsl);
        run = thread.submit(() -> {
            main.run();
            return null;
        });
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> run.isDone() || (main.getCamelContext() != null && main.getCamelContext().isStarted()));
        assertThat(run).isNotDone();
        return demo.simulator().orElseThrow();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
