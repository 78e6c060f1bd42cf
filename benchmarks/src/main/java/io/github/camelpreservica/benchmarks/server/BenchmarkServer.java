package io.github.camelpreservica.benchmarks.server;

import java.util.Properties;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * Runs one route on Camel Main's embedded platform-http server (Vert.x), bound to 127.0.0.1 only, until the
 * process is stopped. Receiver and baseline start through here, so they differ only by their route.
 */
public final class BenchmarkServer {

    /** The local path both servers listen at. */
    public static final String PATH = "/hook";

    private BenchmarkServer() {
    }

    /** Runs until the JVM is asked to stop. */
    public static void run(String name, RoutesBuilder route, int port, Properties extraProperties) throws Exception {
        create(name, route, port, extraProperties).run();
    }

    /** A configured Camel Main, not yet started: {@code start()}/{@code stop()} it, or {@code run()} it. */
    public static Main create(String name, RoutesBuilder route, int port, Properties extraProperties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(route);
        main.configure().addRoutesBuilder(new AllocationRoute());
        main.addInitialProperty("camel.main.name", name);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        for (String key : extraProperties.stringPropertyNames()) {
            main.addInitialProperty(key, extraProperties.getProperty(key));
        }
        return main;
    }
}
