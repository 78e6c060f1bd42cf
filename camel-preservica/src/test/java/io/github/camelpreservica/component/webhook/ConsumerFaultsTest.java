package io.github.camelpreservica.component.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.FireRequest;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected with the simulator while real routes run: Preservica down at start, 503 bursts and expired tokens
 * around subscribe and unsubscribe, a route that fails half way through a delivery, a stop with deliveries in flight.
 */
class ConsumerFaultsTest extends WebhookTestSupport {

    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final Set<String> processedRefs = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void isReadyWhilePreservicaIsAwayThenSubscribesWhenItComesUpOnItsPort() throws Exception {
        int laterPort = FreePorts.next();
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&server=http://" + LOOPBACK + ":" + laterPort
                + "&connectTimeout=1000&retrySubscribeInBackground=true&subscribeRetryDelay=100"
                + "&subscribeRetryMaxDelay=500");
        assertThat(readiness("indexed")).isEqualTo(HealthCheck.State.UP);
        assertThat(consumerOf("indexed").getSubscriptionState()).isEqualTo("FAILED");
        assertThat(postSigned(receiverUrl("indexed"), delivery("9495ddbf7d4a0b9f030a3411c87f967d", "while-down"))
                .statusCode()).as("deliveries are received while Preservica is away").isEqualTo(200);

        try (PreservicaSimulator late = PreservicaSimulator.builder().port(laterPort).user(USERNAME, PASSWORD, TENANT)
                .build().start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumerOf("indexed").isSubscribed());

            assertThat(readiness("indexed")).isEqualTo(HealthCheck.State.UP);
            assertThat(late.subscriptions()).singleElement().extracting(SimulatedSubscription::url)
                    .isEqualTo(receiverUrl("indexed"));
            assertThat(late.fire("INDEXED", "after-comeback")).singleElement()
                    .extracting(DeliveryRecord::status).isEqualTo(200);
            assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(2);
        }
    }

    @Test
    void reportsTheRefusalInTheHealthDetailsWhilePreservicaRefusesTheLogin() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&password=RAW(not-the-password)"
                + "&retrySubscribeInBackground=true&subscribeRetryDelay=100&subscribeRetryMaxDelay=200");

        await().atMost(Duration.ofSeconds(30)).until(() -> consumerOf("indexed").lastError() != null);
        HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:indexed")).findFirst().orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("subscription.state", "FAILED");
        assertThat(result.getDetails().get("subscription.lastError")).asString()
                .contains("'" + USERNAME + "'").contains("401").doesNotContain("not-the-password");
        assertThat(simulator.subscriptions()).isEmpty();
        assertThat(postSigned(receiverUrl("indexed"), delivery("9495ddbf7d4a0b9f030a3411c87f967d", "meanwhile"))
                .statusCode()).as("still receiving").isEqualTo(200);
    }

    @Test
    void subscribesThroughA503BurstWithoutFailingTheStart() throws Exception {
        simulator.failNextCalls(3, 503);

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::url)
                .isEqualTo(receiverUrl("indexed"));
        assertThat(consumerOf("indexed").isSubscribed()).isTrue();
    }

    @Test
    void unsubscribesThroughA503BurstOnStop() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        simulator.failNextCalls(3, 503);

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void subscribesAfterEveryTokenExpiredMidRun() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        int logins = simulator.loginCount();
        simulator.expireAllTokens();

        startRoute("moved", "preservica-webhook:moved?trigger=MOVED");

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::triggerType)
                .containsExactlyInAnyOrder("FULL_TEXT_INDEXED", "MOVED");
        assertThat(simulator.loginCount()).as("logged in again once").isEqualTo(logins + 1);
    }

    @Test
    void unsubscribesAfterEveryTokenExpiredMidRun() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        simulator.expireAllTokens();

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void unsubscribesWithExpiredTokensAndA503BurstTogether() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        simulator.expireAllTokens();
        simulator.failNextCalls(2, 503);

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void processesEveryEventAgainWhenARedeliveryFollowsAFailureHalfWayThrough() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:indexed?trigger=INDEXED").routeId("indexed")
                        .process(exchange -> {
                            String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
                            if ("second".equals(ref) && attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the downstream system is away");
                            }
                            processedRefs.add(ref + "#" + attempts.get());
                        })
                        .to("mock:events");
            }
        });
        List<DeliveryRecord> sent = simulator.fire(FireRequest.trigger("INDEXED").event("IO", "first")
                .event("IO", "second").build());
        assertThat(sent).singleElement().extracting(DeliveryRecord::status).isEqualTo(500);

        DeliveryRecord again = simulator.redeliver(sent.get(0));

        assertThat(again.status()).isEqualTo(200);
        assertThat(processedRefs).containsExactlyInAnyOrder("first#0", "first#1", "second#2");
        assertThat(consumerOf("indexed").getDuplicates()).isZero();
        assertThat(simulator.redeliver(sent.get(0)).status()).as("now it is a duplicate").isEqualTo(200);
        assertThat(consumerOf("indexed").getDuplicates()).isEqualTo(1);
    }

    @Test
    void deliveriesRefusedDuringAStopAreProcessedWhenSentAgainAfterTheRestart() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:hook?subscribe=false").routeId("hook")
                        .process(exchange -> {
                            String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
                            if (ref.startsWith("in-flight") && !release.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never released the route");
                            }
                            processedRefs.add(ref);
                        });
            }
        });
        String url = receiverUrl("hook");
        List<Future<Integer>> inFlight = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] body = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "in-flight-" + i);
            inFlight.add(senders.submit(() -> postSigned(url, body).statusCode()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerOf("hook").getInFlight() == 3);
        Future<?> stopping = senders.submit(() -> {
            context.getRouteController().stopRoute("hook", 60, TimeUnit.SECONDS);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumerOf("hook").isReady());
        byte[] late = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "late");
        int lateStatus = postSigned(url, late).statusCode();
        release.countDown();
        stopping.get(60, TimeUnit.SECONDS);

        assertThat(lateStatus).as("refused, not acknowledged").isEqualTo(503);
        for (Future<Integer> status : inFlight) {
            assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(processedRefs).containsExactlyInAnyOrder("in-flight-0", "in-flight-1", "in-flight-2");

        context.getRouteController().startRoute("hook");
        assertThat(postSigned(url, late).statusCode()).isEqualTo(200);
        assertThat(processedRefs).contains("late");
    }

    private HealthCheck.State readiness(String routeId) {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId))
                .findFirst();
        return result.map(HealthCheck.Result::getState).orElse(null);
    }
}
