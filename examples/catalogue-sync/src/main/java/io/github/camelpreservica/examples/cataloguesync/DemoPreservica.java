package io.github.camelpreservica.examples.cataloguesync;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import io.github.camelpreservica.client.CredentialKey;
import io.github.camelpreservica.client.CredentialResolver;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo mode. When no Preservica server is configured anywhere (a component option, {@code PRESERVICA_SERVER} or
 * {@code credentials.properties}), it starts the simulator in-process with its demo assets, has {@link DemoChanges}
 * create and edit entities there every few seconds, and points both components at it. It lives outside the routes
 * so that the YAML route needs no Java. (A copy of the thumbnails example's, with its own demo changes.)
 */
public class DemoPreservica extends MainListenerSupport {

    static final Duration DEMO_EVENT_INTERVAL = Duration.ofSeconds(4);
    static final String DEMO_USER = "demo";
    static final String DEMO_TENANT = "DEMO";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPreservica.class);
    private static final String[] COMPONENTS = { "preservica", "preservica-webhook" };

    private final Duration eventInterval;
    private volatile PreservicaSimulator simulator;

    /** The demo as the application runs it: an event every {@link #DEMO_EVENT_INTERVAL}. */
    public DemoPreservica() {
        this(DEMO_EVENT_INTERVAL);
    }

    /** @param eventInterval how often an entity is created or edited; null for never (tests make their own) */
    DemoPreservica(Duration eventInterval) {
        this.eventInterval = eventInterval;
    }

    /** The simulator, once the demo mode started it. */
    Optional<PreservicaSimulator> simulator() {
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
        // fresh credentials on every run: nothing to leak and nothing to guess
        String password = randomHex();
        PreservicaSimulator started = PreservicaSimulator.builder()
                .port(0)
                .user(DEMO_USER, password, DEMO_TENANT)
                .demoAssets(true)
                .build()
                .start();
        simulator = started;
        DemoChanges changes = new DemoChanges(started);
        // stopped with the CamelContext, after the routes, so the consumer can still unsubscribe from it
        try {
            context.addService(new SimulatorLifecycle(started, changes));
        } catch (Exception e) {
            started.close();
            throw new RuntimeCamelException("Could not register the simulated Preservica with Camel", e);
        }

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
            changes.start(eventInterval);
        }
        LOG.info("No Preservica server configured (PRESERVICA_SERVER): demo mode. A simulated Preservica runs at {}{}",
                started.baseUrl(), eventInterval == null ? ""
                        : " and creates or edits an entity every " + eventInterval.toSeconds() + " s");
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

    /** Closes the simulator when Camel stops. */
    private static final class SimulatorLifecycle extends ServiceSupport {
        private final PreservicaSimulator simulator;
        private final DemoChanges changes;

        SimulatorLifecycle(PreservicaSimulator simulator, DemoChanges changes) {
            this.simulator = simulator;
            this.changes = changes;
        }

        @Override
        protected void doStop() {
            changes.stop();
            simulator.close();
        }
    }
}
