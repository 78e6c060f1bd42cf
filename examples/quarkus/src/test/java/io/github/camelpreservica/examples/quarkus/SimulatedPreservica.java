package io.github.camelpreservica.examples.quarkus;

import java.util.Map;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The stand-in Preservica for the Quarkus tests: the simulator on a free loopback port, and the application pointed
 * at it and at a free loopback HTTP port of its own, as the PRESERVICA_* variables would in production.
 */
public class SimulatedPreservica implements QuarkusTestResourceLifecycleManager {

    static final String USER = "quarkus-test";
    static final String PASSWORD = "quarkus-test-password";
    static final String TENANT = "QUARKUS";
    static final String WEBHOOK_SECRET = "quarkus-test-webhook-secret";
    static final String WEBHOOK_PATH = "/preservica/events";

    private PreservicaSimulator simulator;
    private int httpPort;

    @Override
    public Map<String, String> start() {
        simulator = PreservicaSimulator.builder()
                .host("127.0.0.1")
                .port(0)
                .user(USER, PASSWORD, TENANT)
                .build()
                .start();
        httpPort = FreePorts.next();
        return Map.of(
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.test-port", Integer.toString(httpPort),
                "camel.component.preservica-webhook.server", simulator.baseUrl(),
                "camel.component.preservica-webhook.username", USER,
                "camel.component.preservica-webhook.password", PASSWORD,
                "camel.component.preservica-webhook.tenant", TENANT,
                "camel.component.preservica-webhook.secret", WEBHOOK_SECRET,
                "preservica.webhook.url", receiverUrl(httpPort));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator, new TestInjector.MatchesType(PreservicaSimulator.class));
        testInjector.injectIntoFields(new Receiver(receiverUrl(httpPort), httpPort),
                new TestInjector.MatchesType(Receiver.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    static String receiverUrl(int port) {
        return "http://127.0.0.1:" + port + WEBHOOK_PATH;
    }

    /** Where the application under test receives Preservica's calls. */
    public record Receiver(String url, int port) {
    }
}
