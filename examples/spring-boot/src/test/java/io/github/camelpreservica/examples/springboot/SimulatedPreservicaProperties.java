package io.github.camelpreservica.examples.springboot;

import java.net.InetAddress;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every test of the application sets: Spring's server on a loopback port, the component at the simulator. */
final class SimulatedPreservicaProperties {

    static final String USERNAME = "admin";
    static final String PASSWORD = "secret";
    static final String TENANT = "TEST";

    private SimulatedPreservicaProperties() {
    }

    /** Spring's web server on this loopback port, and the component pointed at the simulator with this secret. */
    static void register(DynamicPropertyRegistry registry, PreservicaSimulator simulator, int serverPort,
                         String secret) {
        registry.add("server.port", () -> serverPort);
        registry.add("server.address", () -> InetAddress.getLoopbackAddress().getHostAddress());
        registry.add("camel.component.preservica-webhook.server", simulator::baseUrl);
        registry.add("camel.component.preservica-webhook.username", () -> USERNAME);
        registry.add("camel.component.preservica-webhook.password", () -> PASSWORD);
        registry.add("camel.component.preservica-webhook.tenant", () -> TENANT);
        registry.add("camel.component.preservica-webhook.secret", () -> secret);
    }
}
