package io.github.camelpreservica.examples.quarkus;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import io.github.camelpreservica.client.CredentialKey;
import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo mode, as in examples/print-events: when no Preservica server is configured anywhere (the component option,
 * {@code PRESERVICA_SERVER} or {@code credentials.properties}), it starts the simulator in-process, lets it fire a
 * demonstration event every few seconds, and points the component at it. Camel Quarkus hands Camel Main's
 * before-configure step to CDI observers, after the properties are loaded and before the component is configured.
 */
@ApplicationScoped
public class DemoPreservica {

    static final Duration DEMO_EVENT_INTERVAL = Duration.ofSeconds(3);
    static final String DEMO_USER = "demo";
    static final String DEMO_TENANT = "DEMO";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPreservica.class);
    private static final String COMPONENT_OPTION = "camel.component.preservica-webhook.";

    void startWhenNoServerIsConfigured(@Observes BeforeConfigure event) {
        CamelContext context = event.getCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        if (serverConfigured(properties)) {
            LOG.info("Preservica server configured: demo mode off");
            return;
        }
        // fresh credentials for each run: nothing to leak, nothing another process could guess
        String password = randomHex();
        String webhookSecret = randomHex();
        PreservicaSimulator simulator = PreservicaSimulator.builder()
                .port(0)
                .user(DEMO_USER, password, DEMO_TENANT)
                .demoAssets(true)
                .build()
                .start();
        // stopped with the CamelContext, after the routes, so the consumer can still unsubscribe from it
        try {
            context.addService(new SimulatorLifecycle(simulator));
        } catch (Exception e) {
            simulator.close();
            throw new RuntimeCamelException("Could not register the simulated Preservica with Camel", e);
        }
        // override properties win over application.properties, the environment and system properties
        properties.addOverrideProperty(COMPONENT_OPTION + "server", simulator.baseUrl());
        properties.addOverrideProperty(COMPONENT_OPTION + "username", DEMO_USER);
        properties.addOverrideProperty(COMPONENT_OPTION + "password", password);
        properties.addOverrideProperty(COMPONENT_OPTION + "tenant", DEMO_TENANT);
        properties.addOverrideProperty(COMPONENT_OPTION + "secret", webhookSecret);
        simulator.startDemoEvents(DEMO_EVENT_INTERVAL);
        LOG.info("No Preservica server configured (PRESERVICA_SERVER): demo mode. A simulated Preservica runs at {} "
                + "and fires a demonstration event every {} s", simulator.baseUrl(), DEMO_EVENT_INTERVAL.toSeconds());
    }

    static boolean serverConfigured(PropertiesComponent properties) {
        boolean asOption = properties.resolveProperty(COMPONENT_OPTION + "server")
                .filter(value -> !value.isBlank())
                .isPresent();
        return asOption || CredentialResolver.standard().resolve(CredentialKey.SERVER, null).isPresent();
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Closes the simulator when Camel stops, and says whether the route left any subscription behind. */
    private static final class SimulatorLifecycle extends ServiceSupport {
        private final PreservicaSimulator simulator;

        SimulatorLifecycle(PreservicaSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        protected void doStop() {
            LOG.info("Stopping the simulated Preservica; subscriptions left: {}", simulator.subscriptions().size());
            simulator.close();
        }
    }
}
