package io.github.camelpreservica.examples.printevents;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.examples.demo.DemoPreservica;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.RunningMain;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as its users run it, in demo mode (no PRESERVICA_SERVER): Camel Main, the simulated Preservica, a real
 * subscription handshake and real signed deliveries over loopback, the route printing to the real standard output.
 * Each test runs once with the Java route and once with the YAML route.
 */
class PrintEventsApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StandardOutputCapture stdout;
    // no timed demonstration events: each test fires the event it looks for
    private final DemoPreservica demo = new DemoPreservica(null);

    @BeforeEach
    void captureStandardOutput() {
        stdout = StandardOutputCapture.install();
    }

    @AfterEach
    void restoreStandardOutput() {
        stdout.close();
    }

    @ParameterizedTest(name = "{0} route")
    @ValueSource(strings = { "java", "yaml" })
    void printsEachEventAsOneLineOfJsonWithItsEntityRef(String dsl) throws Exception {
        try (RunningMain app = start(dsl)) {
            PreservicaSimulator simulator = awaitSubscribed();

            simulator.fire("INDEXED", DemoAssets.HARBOUR_REF);

            JsonNode event = JSON.readTree(stdout.awaitLineContaining(DemoAssets.HARBOUR_REF));
            assertThat(event.path("entityRef").asText()).isEqualTo(DemoAssets.HARBOUR_REF);
            assertThat(event.path("trigger").asText()).isEqualTo("FULL_TEXT_INDEXED");
            assertThat(event.path("entityType").asText()).isEqualTo("IO");
        }
    }

    @ParameterizedTest(name = "{0} route")
    @ValueSource(strings = { "java", "yaml" })
    void runsOnlyTheRouteOfTheChosenDsl(String dsl) {
        try (RunningMain app = start(dsl)) {
            assertThat(app.camelContext().getRoutes()).extracting(Route::getRouteId)
                    .containsExactly("print-events-" + dsl);
        }
    }

    @ParameterizedTest(name = "{0} route")
    @ValueSource(strings = { "java", "yaml" })
    void unsubscribesWhenTheApplicationStops(String dsl) {
        PreservicaSimulator simulator;
        try (RunningMain app = start(dsl)) {
            simulator = awaitSubscribed();
            app.stop();
        }
        assertThat(simulator.subscriptions()).isEmpty();
    }

    private RunningMain start(String dsl) {
        Main main = PrintEventsApplication.newMain(demo);
        main.addOverrideProperty("print-events.dsl", dsl);
        return RunningMain.withServerOnFreePort(main);
    }

    private PreservicaSimulator awaitSubscribed() {
        PreservicaSimulator simulator = demo.simulator()
                .orElseThrow(() -> new AssertionError("demo mode did not start the simulator"));
        await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.subscriptions().size() == 1);
        return simulator;
    }
}
