package io.github.camelpreservica.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes probes and a Prometheus scraper read over HTTP from the Spring Boot application: the actuator's
 * readiness and liveness groups with Camel's checks in them, and the route's timings.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PreservicaEventsApplication.class,
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Spring Boot's tests leave metrics exporters off unless asked: the application itself has them on
@AutoConfigureObservability(tracing = false)
class ActuatorHealthAndMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static PreservicaSimulator simulator;
    private static int serverPort;

    @DynamicPropertySource
    static void pointTheApplicationAtTheSimulator(DynamicPropertyRegistry registry) {
        simulator = PreservicaSimulator.builder().port(0).user("admin", "secret", "TEST").build().start();
        serverPort = FreePorts.next();
        SimulatedPreservicaProperties.register(registry, simulator, serverPort, "actuator-example-secret-0123456789");
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                () -> "http://127.0.0.1:" + serverPort + "/preservica/events");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void readinessHoldsTheWebhookConsumersCheck() throws Exception {
        HttpResponse<String> answer = get("/actuator/health/readiness");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(answer.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("camelReadinessState").path("status").asText()).isEqualTo("UP");
        JsonNode camelChecks = health.path("components").path("camelHealth").path("details");
        assertThat(camelChecks.path("consumer:preservica-events").asText()).isEqualTo("UP");
        assertThat(camelChecks.path("consumer:preservica-events.data").path("subscription.ids").asText())
                .isEqualTo(simulator.subscriptions().get(0).id());
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> answer = get("/actuator/health/liveness");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theRoutesTimingsReachPrometheus() throws Exception {
        assertThat(simulator.fire("INDEXED", "ref-metrics")).extracting(DeliveryRecord::status).containsExactly(200);

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"preservica-events\"");
        assertThat(metrics).containsPattern("camel_exchange_event_notifier_seconds_count\\{[^}]*"
                + "endpointName=\"preservica-webhook://events\"[^}]*routeId=\"preservica-events\"");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
