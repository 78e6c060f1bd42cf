package io.github.camelpreservica.examples.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.github.camelpreservica.client.CredentialKey;
import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples' demo mode, a Camel Main listener. When no Preservica server is configured anywhere (a component
 * option, {@code PRESERVICA_SERVER} or {@code credentials.properties}), it starts the simulator in-process (with its
 * demo assets, which have thumbnails), lets it fire an INDEXED event at a fixed interval, and points both components
 * ({@code preservica-webhook} and {@code preservica}) at it. When a server is configured it does nothing. It lives
 * outside the routes so that a YAML route needs no Java. An example that needs the simulator to do more than fire
 * INDEXED events passes its own {@link DemoActivity}.
 */
public class DemoPreservica extends MainListenerSupport {

    public static final String DEMO_USER = "demo";
    public static final String DEMO_TENANT = "DEMO";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPreservica.class);
    private static final String[] COMPONENTS = { "preservica", "preservica-webhook" };

    private final Duration eventInterval;
    private final DemoActivity activity;
    private volatile PreservicaSimulator simulator;

    /**
     * @param eventInterval how often the simulator fires an INDEXED event; null for never (tests fire their own
     *     through {@link #simulator()})
     */
    public DemoPreservica(Duration eventInterval) {
        this(eventInterval, new IndexedEvents());
    }

    /**
     * @param eventInterval how often the activity acts; null for never (tests act through {@link #simulator()})
     * @param activity what the simulated Preservica does on its own while the demo runs
     */
    public DemoPreservica(Duration eventInterval, DemoActivity activity) {
        this.eventInterval = eventInterval;
        this.activity = Objects.requireNonNull(activity, "activity");
    }

    /** The simulator, once the demo mode started it; empty when a server is configured. */
    public Optional<PreservicaSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    // beforeConfigure runs after the properties are loaded and before the components are configured from them
    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        if (serverConfigured(context.getPropertiesComponent())) {
            LOG.info("Preservica server configured: demo mode off");
            return;
        }
        // fresh credentials on every run: nothing to leak, nothing another process could guess
        String password = randomHex();
        PreservicaSimulator started = PreservicaSimulator.builder()
                .port(0)
                .user(DEMO_USER, password, DEMO_TENANT)
                .demoAssets(true)
                .build()
                .start();
        simulator = started;
        SimulatorLifecycle lifecycle = new SimulatorLifecycle(started);
        // stopped with the CamelContext, after the routes, so the consumer can still unsubscribe from it
        try {
            context.addService(lifecycle);
        } catch (Exception e) {
            started.close();
            throw new RuntimeCamelException("Could not register the simulated Preservica with Camel", e);
        }

        // override properties win over application.properties, the environment and system properties
        PropertiesComponent properties = context.getPropertiesComponent();
        for (String component : COMPONENTS) {
            String prefix = "camel.component." + component + ".";
            properties.addOverrideProperty(prefix + "server", started.baseUrl());
            properties.addOverrideProperty(prefix + "username", DEMO_USER);
            properties.addOverrideProperty(prefix + "password", password);
            properties.addOverrideProperty(prefix + "tenant", DEMO_TENANT);
        }
        properties.addOverrideProperty("camel.component.preservica-webhook.secret", randomHex());

        if (eventInterval != null) {
            lifecycle.running = activity.start(started, eventInterval);
        }
        LOG.info("No Preservica server configured (PRESERVICA_SERVER): demo mode. A simulated Preservica runs at {}{}",
                started.baseUrl(), eventInterval == null
                        ? ""
                        : " and " + activity.description() + " every " + eventInterval.toSeconds() + " s");
    }

    static boolean serverConfigured(PropertiesComponent properties) {
        for (String component : COMPONENTS) {
            if (properties.resolveProperty("camel.component." + component + ".server")
                    .filter(value -> !value.isBlank()).isPresent()) {
                return true;
            }
        }
        return CredentialResolver.standard().resolve(CredentialKey.SERVER, null).isPresent();
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What the simulated Preservica does on its own, at an interval, while the demo runs. */
    public interface DemoActivity {

        /** Starts acting on the simulator; closing the answer stops it (before the simulator closes). */
        AutoCloseable start(PreservicaSimulator simulator, Duration interval);

        /** For the start-up log line, e.g. "fires an INDEXED event" (followed by "every 3 s"). */
        String description();
    }

    /** The default activity: the simulator's own INDEXED events for its demo assets. */
    private static final class IndexedEvents implements DemoActivity {
        @Override
        public AutoCloseable start(PreservicaSimulator simulator, Duration interval) {
            simulator.startDemoEvents(interval);
            return simulator::stopDemoEvents;
        }

        @Override
        public String description() {
            return "fires an INDEXED event";
        }
    }

    /**
     * Stops the activity and closes the simulator when Camel stops, and says whether the route left any subscription
     * behind.
     */
    private static final class SimulatorLifecycle extends ServiceSupport {
        private final PreservicaSimulator simulator;
        private volatile AutoCloseable running;

        SimulatorLifecycle(PreservicaSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        protected void doStop() {
            stopActivity();
            LOG.info("Stopping the simulated Preservica; subscriptions left: {}", simulator.subscriptions().size());
            simulator.close();
        }

        private void stopActivity() {
            AutoCloseable activity = running;
            running = null;
            if (activity == null) {
                return;
            }
            try {
                activity.close();
            } catch (Exception e) {
                // the simulator closes regardless; a demo that did not stop cleanly is worth a line, not a failure
                LOG.warn("The demo activity did not stop cleanly: {}", e.toString());
            }
        }
    }
}
