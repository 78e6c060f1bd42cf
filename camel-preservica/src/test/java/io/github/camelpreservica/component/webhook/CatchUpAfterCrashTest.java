package io.github.camelpreservica.component.webhook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.ReceiverDown;
import io.github.camelpreservica.simulator.SimulatedCatalogue;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catching-up receiver JVM killed with SIGKILL, changes of every kind made while it is dead, and a receiver started
 * again on the same URL and checkpoint file: every change is routed, under each of the simulator's behaviours towards
 * a receiver that is down.
 */
class CatchUpAfterCrashTest {

    private static final String NAME = "crashing";
    private static final Pattern CHECKPOINT = Pattern.compile("preservica-webhook:" + NAME
            + "=(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)");

    @TempDir
    Path tempDir;

    private PreservicaSimulator simulator;
    private ReceiverJvm child;
    private CamelContext restarted;

    @BeforeEach
    void startSimulator() {
        simulator = PreservicaSimulator.builder().port(0).user("crash-user", "crash-pw", WebhookTestSupport.TENANT)
                .build().start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (child != null) {
                child.close();
            }
            if (restarted != null) {
                restarted.stop();
            }
        } finally {
            simulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ReceiverDown.class)
    void everyChangeMadeWhileTheReceiverWasKilledIsRoutedAfterItsRestart(ReceiverDown behaviour) throws Exception {
        SimulatedCatalogue catalogue = simulator.catalogue();
        simulator.receiverDown(behaviour, Duration.ofMillis(100), 3);
        for (String name : List.of("a", "b", "c", "d")) {
            catalogue.create("IO", name, "Asset " + name, DemoAssets.FOLDER_REF, false);
        }
        Path checkpointFile = tempDir.resolve("checkpoint.dat");
        Map<String, String> settings = settings(checkpointFile);
        child = ReceiverJvm.start(FreePorts.next(), NAME, settings);
        assertThat(child.awaitLine(CrashingReceiverMain.READY, Duration.ofSeconds(60))).isPresent();
        await().atMost(Duration.ofSeconds(20)).until(() -> storedCheckpoint(checkpointFile) != null);

        assertThat(child.kill()).as("killed by SIGKILL").isNotZero();
        Instant checkpoint = storedCheckpoint(checkpointFile);

        catalogue.maxPageSize(2);
        catalogue.restLag(Duration.ofMillis(1500)); // under catchUpOverlap (2 s): a later round still sees them
        catalogue.nextChangeAt(checkpoint);
        catalogue.modify("a", "At the checkpoint's instant", null, false);
        catalogue.modify("b", "Once", "first", true);
        catalogue.modify("b", "Twice", "second", true);
        catalogue.move("c", "elsewhere", true);
        catalogue.delete("d");
        List<String> expected = new ArrayList<>(List.of("a", "b", "c", "d"));
        for (int i = 0; i < 4; i++) {
            expected.add(catalogue.create("IO", "new" + i, "New " + i, DemoAssets.FOLDER_REF, true).ref());
        }
        catalogue.afterUpdatedSincePage(1, () -> catalogue.modify("a", "While the restarted one pages", null, false));
        Instant outageEnd = Instant.now();

        List<String> routed = new CopyOnWriteArrayList<>();
        List<String> deleted = new CopyOnWriteArrayList<>();
        restarted = CrashingReceiverMain.receiverContext(settings, child.port(), NAME, exchange -> {
            String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
            routed.add(ref);
            if (Boolean.TRUE.equals(exchange.getMessage().getHeader(PreservicaWebhookConstants.DELETED))) {
                deleted.add(ref);
            }
        });
        restarted.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(routed).containsAll(expected));
        await().atMost(Duration.ofSeconds(10)).until(() -> deleted.contains("d"));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCheckpoint(checkpointFile).isAfter(outageEnd));
    }

    private Map<String, String> settings(Path checkpointFile) {
        Map<String, String> settings = new HashMap<>();
        settings.put(CrashingReceiverMain.SERVER, simulator.baseUrl());
        settings.put(CrashingReceiverMain.USER, "crash-user");
        settings.put(CrashingReceiverMain.PASSWORD, "crash-pw");
        settings.put(CrashingReceiverMain.TENANT, WebhookTestSupport.TENANT);
        settings.put(CrashingReceiverMain.SECRET, "crash-secret-0123456789abcdef");
        // ",MOVED" continues the child's trigger list (INDEXED)
        settings.put(CrashingReceiverMain.MORE_OPTIONS, ",MOVED&catchUp=true&catchUpInterval=500&catchUpOverlap=2000"
                + "&catchUpPageSize=2&checkpointFile=" + checkpointFile);
        return settings;
    }

    private static Instant storedCheckpoint(Path file) throws Exception {
        if (!Files.exists(file)) {
            return null;
        }
        Matcher matcher = CHECKPOINT.matcher(Files.readString(file));
        Instant last = null;
        while (matcher.find()) {
            last = Instant.parse(matcher.group(1)); // the store appends: the last line holds the latest value
        }
        return last;
    }
}
