package io.github.camelpreservica.component.webhook;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer under Camel Main with its embedded HTTP server ({@code camel.server.enabled=true}), configured only
 * through {@code camel.component.preservica-webhook.*} properties, and its JMX attributes.
 */
class WebhookCamelMainTest {

    private PreservicaSimulator simulator;
    private Main main;
    private int port;

    @BeforeEach
    void start() throws Exception {
        simulator = WebhookTestSupport.newSimulator();
        port = FreePorts.next();
        main = WebhookTestSupport.camelMainPointedAt(simulator, port);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:main?trigger=INDEXED").routeId("main").to("mock:main");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void subscribesWithTheDefaultUrlOfTheEmbeddedServerAndReceives() throws Exception {
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::url)
                .containsExactly("http://localhost:" + port + "/preservica/main");
        MockEndpoint events = main.getCamelContext().getEndpoint("mock:main", MockEndpoint.class);
        events.expectedMessageCount(1);

        assertThat(simulator.fire("INDEXED", "ref-main")).extracting(DeliveryRecord::status).containsExactly(200);

        events.assertIsSatisfied();
    }

    @Test
    void reportsReadinessOnceSubscribed() {
        assertThat(HealthCheckHelper.invokeReadiness(main.getCamelContext()))
                .filteredOn(r -> r.getCheck().getId().equals("consumer:main"))
                .singleElement().satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void exposesItsCountersOverJmx() throws Exception {
        simulator.fire("INDEXED", "ref-jmx");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> consumers = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName ours = consumers.stream()
                .filter(name -> name.getKeyProperty("name").contains("PreservicaWebhookConsumer"))
                .findFirst().orElseThrow();

        assertThat(server.getAttribute(ours, "SubscriptionIds")).isEqualTo(simulator.subscriptions().get(0).id());
        assertThat(server.getAttribute(ours, "DeliveriesAccepted")).isEqualTo(1L);
        assertThat(server.getAttribute(ours, "Duplicates")).isEqualTo(0L);
        assertThat(server.getAttribute(ours, "RejectedBadSignature")).isEqualTo(0L);
        assertThat(server.getAttribute(ours, "Subscribed")).isEqualTo(true);
    }

    @Test
    void removesItsSubscriptionWhenMainStops() {
        main.stop();
        main = null;

        assertThat(simulator.subscriptions()).isEmpty();
    }
}
