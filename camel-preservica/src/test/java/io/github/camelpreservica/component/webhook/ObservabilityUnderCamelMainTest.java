package io.github.camelpreservica.component.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Kubernetes probe and a Prometheus scraper read over HTTP from Camel Main's management server: readiness and
 * liveness at {@code /observe/health}, and the route's timings at {@code /observe/metrics}.
 */
class ObservabilityUnderCamelMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private PreservicaSimulator simulator;
    private Main main;
    private int managementPort;

    @BeforeEach
    void start() throws Exception {
        simulator = WebhookTestSupport.newSimulator();
        int port = FreePorts.next();
        managementPort = FreePorts.next();
        main = WebhookTestSupport.camelMainPointedAt(simulator, port);
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", WebhookTestSupport.LOOPBACK);
        main.addInitialProperty("camel.management.port", String.valueOf(managementPort));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.metrics.enabled", "true");
        main.addInitialProperty("camel.management.devConsoleEnabled", "true");
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:observed?trigger=INDEXED").routeId("observed").log("${body.entityRef}");
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
    void readinessIsReadOverHttpAndNamesTheConsumer() throws Exception {
        HttpResponse<String> ready = get("/observe/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(ready.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("name")).contains("consumer:observed");
    }

    @Test
    void livenessIsReadOverHttp() throws Exception {
        HttpResponse<String> live = get("/observe/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(live.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        // readiness only: a receiver waiting for Preservica is alive, and restarting it would not help
        assertThat(health.path("checks").findValuesAsText("name")).doesNotContain("consumer:observed");
    }

    @Test
    void theRoutesTimingsReachPrometheus() throws Exception {
        assertThat(simulator.fire("INDEXED", "ref-metrics")).extracting(DeliveryRecord::status).containsExactly(200);

        String metrics = get("/observe/metrics").body();

        assertThat(metrics).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"observed\"[^}]*\\} 1");
        assertThat(metrics).containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"observed\"[^}]*\\} 1");
        // the route's exchange, with its route id; the consumer's own HTTP exchanges are not events
        assertThat(metrics).containsPattern("camel_exchange_event_notifier_seconds_count\\{[^}]*"
                + "endpointName=\"preservica-webhook://observed\"[^}]*routeId=\"observed\"[^}]*\\} 1");
        assertThat(metrics).doesNotContain("endpointName=\"platform-http:");
    }

    @Test
    void aRefusedRequestIsNoExchangeOfTheRoute() throws Exception {
        NotifyBuilder anyExchange = new NotifyBuilder(main.getCamelContext()).fromRoute("observed").whenDone(1)
                .create();

        DeliveryRecord forged = simulator.sendRaw(simulator.subscriptions().get(0).id(),
                "{\"events\":[]}".getBytes(StandardCharsets.UTF_8), "ab".repeat(32), false);

        assertThat(forged.status()).isEqualTo(401);
        assertThat(anyExchange.matches(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theDevConsoleShowsSubscriptionsAndTheLastDelivery() throws Exception {
        assertThat(simulator.fire("INDEXED", "ref-console")).extracting(DeliveryRecord::status).containsExactly(200);

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(managementUrl("/q/dev/preservica-webhook")))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode consumer = JSON.readTree(answer.body()).path("preservica-webhook").path("consumers").path(0);
        assertThat(consumer.path("routeId").asText()).isEqualTo("observed");
        assertThat(consumer.path("subscriptionIds").asText()).isEqualTo(simulator.subscriptions().get(0).id());
        assertThat(consumer.path("subscribed").asBoolean()).isTrue();
        assertThat(consumer.path("deliveriesAccepted").asLong()).isEqualTo(1);
        assertThat(consumer.path("lastDelivery").asText()).isNotEmpty();
        assertThat(answer.body()).doesNotContain(WebhookTestSupport.SECRET).doesNotContain(WebhookTestSupport.PASSWORD);
    }

    private String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(managementUrl(path)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
