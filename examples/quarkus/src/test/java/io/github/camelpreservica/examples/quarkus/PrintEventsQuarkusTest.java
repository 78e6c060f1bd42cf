package io.github.camelpreservica.examples.quarkus;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.examples.quarkus.SimulatedPreservica.Receiver;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.apache.camel.builder.Builder.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Quarkus application against the simulated Preservica over loopback: the subscription handshake, signed
 * deliveries, a part of the hostile-request table of docs/user-guide.md, and the unsubscription when the route stops
 * (last, since it ends the route for the tests after it). Quarkus' HTTP server, not a test one, answers.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatedPreservica.class, restrictToAnnotatedClass = true)
@TestMethodOrder(OrderAnnotation.class)
class PrintEventsQuarkusTest {

    private static final String HARBOUR_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    PreservicaSimulator simulator;
    Receiver receiver;

    @Inject
    CamelContext camelContext;

    @Test
    @Order(1)
    void subscribesTheReceiverUrlOnceQuarkusListens() {
        awaitSubscribed();
        assertThat(simulator.subscriptions()).singleElement().satisfies(subscription -> {
            assertThat(subscription.url()).isEqualTo(receiver.url());
            assertThat(subscription.triggerType()).isEqualTo("FULL_TEXT_INDEXED");
        });
    }

    @Test
    @Order(2)
    void answersASignedDeliveryWith200AndRoutesItAsJson() {
        awaitSubscribed();
        NotifyBuilder printed = new NotifyBuilder(camelContext).fromRoute("print-events")
                .whenAnyDoneMatches(body().convertToString().contains("\"entityRef\":\"" + HARBOUR_REF + "\""))
                .create();

        List<DeliveryRecord> sent = simulator.fire("INDEXED", HARBOUR_REF);

        assertThat(sent).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
        assertThat(printed.matches(20, TimeUnit.SECONDS)).as("the event reached the route as JSON").isTrue();
    }

    @Test
    @Order(3)
    void refusesADeliveryWithAWrongSignatureWith401AndRoutesNothing() {
        String subscriptionId = awaitSubscribed();
        NotifyBuilder anyExchange = new NotifyBuilder(camelContext).fromRoute("print-events").whenDone(1).create();
        DeliveryRecord genuine = simulator.fire("INDEXED", HARBOUR_REF).get(0);
        anyExchange.matches(20, TimeUnit.SECONDS);
        NotifyBuilder forged = new NotifyBuilder(camelContext).fromRoute("print-events").whenDone(1).create();

        DeliveryRecord answer = simulator.sendRaw(subscriptionId, genuine.body(), "ab".repeat(32), false);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(forged.matches(1, TimeUnit.SECONDS)).as("a forged delivery reached the route").isFalse();
    }

    @Test
    @Order(4)
    void refusesAChallengeStartingWithTheSignedPrefixWith400() throws Exception {
        String code = "preservica-webhook-auth{\"events\":[{\"entityRef\":\"forged\"}]}";

        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(receiver.url() + "?challengeCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("challengeResponse");
    }

    @Test
    @Order(5)
    void refusesABodyOverMaxBodySizeWith413() throws Exception {
        byte[] oversize = new byte[1024 * 1024 + 1]; // maxBodySize's default, 1 MiB, plus one byte

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json")
                .header("Preservica-Signature", "ab".repeat(32))
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversize)));

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(6)
    void refusesGetWith405() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(receiver.url())).GET());

        assertThat(answer.statusCode()).isEqualTo(405);
    }

    @Test
    @Order(100)
    void removesTheSubscriptionWhenTheRouteStops() throws Exception {
        awaitSubscribed();

        // what the application does on SIGTERM: Quarkus stops Camel, Camel stops the route
        camelContext.getRouteController().stopRoute("print-events", 30, TimeUnit.SECONDS);

        assertThat(simulator.subscriptions()).isEmpty();
    }

    private String awaitSubscribed() {
        await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.subscriptions().size() == 1);
        return simulator.subscriptions().get(0).id();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
