package io.github.camelpreservica.examples.cataloguesync;

import java.time.Duration;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import org.apache.camel.main.Main;

/**
 * Starts the example: Camel Main with the settings of {@code application.properties}, the catalogue's database, the
 * main route in the DSL chosen by {@code catalogue.dsl}, and a simulated Preservica when no real one is configured.
 */
public final class CatalogueSyncApplication {

    /** How often the demo mode's simulator creates or edits an entity ({@link DemoChanges}). */
    static final Duration DEMO_CHANGE_INTERVAL = Duration.ofSeconds(4);

    private CatalogueSyncApplication() {
    }

    public static void main(String[] args) throws Exception {
        newMain(new DemoPreservica(DEMO_CHANGE_INTERVAL, DemoChanges.ACTIVITY)).run(args);
    }

    /** The application as {@link #main(String[])} runs it; tests run it the same way with their own settings. */
    static Main newMain(DemoPreservica demo) {
        // scanning this package finds the RouteBuilders; the YAML route comes from classpath:camel/
        Main main = new Main(CatalogueSyncApplication.class);
        main.addMainListener(demo);
        main.addMainListener(new CatalogueDatabase());
        return main;
    }
}
