package io.github.camelpreservica.examples.thumbnails;

import java.nio.file.Path;
import java.time.Duration;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Starts the example: Camel Main with the settings of {@code application.properties}, the route in the DSL chosen by
 * {@code thumbnails.dsl}, and a simulated Preservica when no real one is configured.
 */
public final class ThumbnailsApplication {

    static final String THUMBNAILS_DIR = "thumbnails.dir";
    /** How often the demo mode's simulator fires an INDEXED event for an asset with thumbnails. */
    static final Duration DEMO_EVENT_INTERVAL = Duration.ofSeconds(5);

    private ThumbnailsApplication() {
    }

    public static void main(String[] args) throws Exception {
        newMain(new DemoPreservica(DEMO_EVENT_INTERVAL)).run(args);
    }

    /** The application as {@link #main(String[])} runs it; tests run it the same way with their own settings. */
    static Main newMain(DemoPreservica demo) {
        // scanning this package finds ThumbnailsRoute; the YAML route comes from classpath:camel/
        Main main = new Main(ThumbnailsApplication.class);
        main.addMainListener(new AbsoluteThumbnailsDir());
        main.addMainListener(demo);
        return main;
    }

    /**
     * Makes {@code thumbnails.dir} absolute: the file component, writing under a temporary name, takes a directory
     * such as {@code ./thumbnails} for a path to create again inside it. Absolute paths also read better in the log.
     */
    static final class AbsoluteThumbnailsDir extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            properties.resolveProperty(THUMBNAILS_DIR).ifPresent(dir -> properties.addOverrideProperty(THUMBNAILS_DIR,
                    Path.of(dir).toAbsolutePath().normalize().toString()));
        }
    }
}
