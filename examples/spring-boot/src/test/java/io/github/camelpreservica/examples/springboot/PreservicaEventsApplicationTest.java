package io.github.camelpreservica.examples.springboot;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.MockEndpoints;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the whole application (Spring Boot, its web server, Camel and the route) against the simulated Preservica,
 * configured only through the properties the application reads. When the tests are done Spring closes the
 * application (it is marked dirty), and {@link SubscriptionRemovedOnShutdown} then checks that the application took
 * its subscription away.
 */
// declared before the Spring extensions so that its afterAll runs after theirs, i.e. after the shutdown
@ExtendWith(PreservicaEventsApplicationTest.SubscriptionRemovedOnShutdown.class)
@CamelSpringBootTest
@SpringBootTest(classes = PreservicaEventsApplication.class,
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@MockEndpoints("log:preservica-events*")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreservicaEventsApplicationTest {

    private static final String SECRET = "spring-boot-example-secret";
    private static final String FIRST_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";
    private static final String SECOND_REF = "0b5a2f4e-8c1d-4e2a-9f3b-6d7c8e9fa0b1";

    private static PreservicaSimulator simulator;
    private static int serverPort;

    @EndpointInject("mock:log:preservica-events")
    private MockEndpoint loggedEvents;

    @DynamicPropertySource
    static void pointTheApplicationAtTheSimulator(DynamicPropertyRegistry registry) {
        simulator = PreservicaSimulator.builder().port(0).user("admin", "secret", "TEST").build().start();
        // chosen here rather than RANDOM_PORT because the webhook URL given to Preservica must name it up front
        serverPort = FreePorts.next();
        SimulatedPreservicaProperties.register(registry, simulator, serverPort, SECRET);
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                PreservicaEventsApplicationTest::webhookUrl);
    }

    @Test
    @Order(1)
    void subscribesItsWebhookUrlOnStartup() {
        List<SimulatedSubscription> subscriptions = simulator.subscriptions();
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).url()).isEqualTo(webhookUrl());
        assertThat(subscriptions.get(0).triggerType()).isEqualTo("FULL_TEXT_INDEXED");
    }

    @Test
    @Order(2)
    void firedEventsReachTheRoute() throws InterruptedException {
        loggedEvents.expectedMessageCount(2);

        List<DeliveryRecord> first = simulator.fire("INDEXED", FIRST_REF);
        List<DeliveryRecord> second = simulator.fire("INDEXED", SECOND_REF);

        assertThat(first).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
        assertThat(second).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
        loggedEvents.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        assertThat(loggedEvents.getExchanges().get(0).getMessage().getBody(String.class))
                .contains("\"entityRef\":\"" + FIRST_REF + "\"");
        assertThat(loggedEvents.getExchanges().get(1).getMessage().getBody(String.class))
                .contains("\"entityRef\":\"" + SECOND_REF + "\"");
        assertThat(loggedEvents.getExchanges().get(0).getMessage().getHeader("CamelPreservicaEntityRef"))
                .isEqualTo(FIRST_REF);
    }

    private static String webhookUrl() {
        return "http://127.0.0.1:" + serverPort + "/preservica/events";
    }

    /**
     * Runs after Spring closed the application context: asserts the subscription is gone, then stops the simulator.
     */
    static final class SubscriptionRemovedOnShutdown implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            try {
                await().atMost(30, TimeUnit.SECONDS)
                        .untilAsserted(() -> assertThat(simulator.subscriptions())
                                .as("subscriptions left after the application shut down").isEmpty());
                assertThat(simulator.requests()).anySatisfy(request -> {
                    assertThat(request.method()).isEqualTo("DELETE");
                    assertThat(request.path()).startsWith("/api/webhook/subscriptions/");
                });
            } finally {
                simulator.close();
            }
        }
    }
}
