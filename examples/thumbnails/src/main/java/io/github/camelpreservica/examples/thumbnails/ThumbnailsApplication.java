package io.github.camelpreservica.examples.thumbnails;

import org.apache.camel.main.Main;

/**
 * Starts the example: Camel Main with the settings of {@code application.properties}, the route in the DSL chosen by
 * {@code thumbnails.dsl}, and a simulated Preservica when no real one is configured.
 */
public final class ThumbnailsApplication {

    private ThumbnailsApplication() {
    }

    public static void main(String[] args) throws Exception {
        newMain(new DemoPreservica()).run(args);
    }

    /** The application as {@link #main(String[])} runs it; tests run it the same way with their own settings. */
    static Main newMain(DemoPreservica demo) {
        // scanning this package finds ThumbnailsRoute; the YAML route comes from classpath:camel/
        Main main = new Main(ThumbnailsApplication.class);
        main.addMainListener(demo);
        return main;
    }
}
