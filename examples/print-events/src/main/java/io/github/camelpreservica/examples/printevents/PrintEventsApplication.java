package io.github.camelpreservica.examples.printevents;

import java.time.Duration;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import org.apache.camel.main.Main;

/**
 * Starts the example: Camel Main with the settings of {@code application.properties}, the route in the DSL chosen by
 * {@code print-events.dsl}, and a simulated Preservica when no real one is configured.
 */
public final class PrintEventsApplication {

    /** How often the demo mode's simulator fires an INDEXED event. */
    static final Duration DEMO_EVENT_INTERVAL = Duration.ofSeconds(3);

    private PrintEventsApplication() {
    }

    public static void main(String[] args) throws Exception {
        newMain(new DemoPreservica(DEMO_EVENT_INTERVAL)).run(args);
    }

    /** The application as {@link #main(String[])} runs it; tests run it the same way with their own settings. */
    static Main newMain(DemoPreservica demo) {
        // scanning this package finds PrintEventsRoute; the YAML route comes from classpath:camel/
        Main main = new Main(PrintEventsApplication.class);
        main.addMainListener(demo);
        return main;
    }
}
