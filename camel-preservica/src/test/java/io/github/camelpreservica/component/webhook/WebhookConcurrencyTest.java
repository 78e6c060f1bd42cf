package io.github.camelpreservica.component.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many deliveries at once, copies racing their original, and a stop while deliveries are being processed. */
class WebhookConcurrencyTest extends WebhookTestSupport {

    private static final int CLIENTS = 16;
    private static final int DELIVERIES = 200;

    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<String> processedRefs = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopClients() {
        release.countDown();
        clients.shutdownNow();
    }

    @Test
    void processes200ConcurrentDeliveriesFrom16ClientsExactlyOnce() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        List<Future<List<DeliveryRecord>>> sent = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            String ref = "ref-" + i;
            sent.add(clients.submit(() -> simulator.fire("INDEXED", ref)));
        }
        List<DeliveryRecord> records = new ArrayList<>();
        for (Future<List<DeliveryRecord>> future : sent) {
            records.addAll(future.get(60, TimeUnit.SECONDS));
        }

        assertThat(records).hasSize(DELIVERIES).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(DELIVERIES);
        assertThat(getMockEndpoint("mock:events").getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(WebhookEvent.class).getEntityRef())
                .doesNotHaveDuplicates().hasSize(DELIVERIES);

        // the same 200 again, all at once: acknowledged, never processed twice
        List<Future<DeliveryRecord>> resent = new ArrayList<>();
        for (DeliveryRecord record : records) {
            resent.add(clients.submit(() -> simulator.redeliver(record)));
        }
        for (Future<DeliveryRecord> future : resent) {
            assertThat(future.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(DELIVERIES);
        assertThat(consumerOf("indexed").getDuplicates()).isEqualTo(DELIVERIES);
    }

    @Test
    void answers503ToACopyArrivingWhileTheOriginalIsStillProcessed() throws Exception {
        startBlockingRoute("preservica-webhook:hook?subscribe=false");
        byte[] body = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "ref-1");
        CompletableFuture<HttpResponse<String>> original = CompletableFuture.supplyAsync(() -> send(body), clients);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerOf("hook").getInFlight() == 1);

        HttpResponse<String> copy = postSigned(receiverUrl("hook"), body);

        assertThat(copy.statusCode()).isEqualTo(503);
        assertThat(copy.headers().firstValue("Retry-After")).isPresent();
        release.countDown();
        assertThat(original.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(postSigned(receiverUrl("hook"), body).statusCode()).isEqualTo(200);
        assertThat(processedRefs).containsExactly("ref-1");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void stopDuringInFlightDeliveriesLosesNone() throws Exception {
        startBlockingRoute("preservica-webhook:indexed?trigger=INDEXED");
        List<Future<List<DeliveryRecord>>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String ref = "in-flight-" + i;
            sent.add(clients.submit(() -> simulator.fire("INDEXED", ref)));
        }
        PreservicaWebhookConsumer consumer = consumerOf("indexed");
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getInFlight() == 5);

        Future<?> stopping = clients.submit(() -> {
            context.getRouteController().stopRoute("indexed", 60, TimeUnit.SECONDS);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.isReady());
        HttpResponse<String> late = postSigned(receiverUrl("indexed"),
                delivery("9495ddbf7d4a0b9f030a3411c87f967d", "too-late"));
        release.countDown();
        stopping.get(60, TimeUnit.SECONDS);

        assertThat(late.statusCode()).isEqualTo(503);
        for (Future<List<DeliveryRecord>> future : sent) {
            assertThat(future.get(30, TimeUnit.SECONDS)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        }
        assertThat(processedRefs).containsExactlyInAnyOrder("in-flight-0", "in-flight-1", "in-flight-2",
                "in-flight-3", "in-flight-4");
        assertThat(simulator.subscriptions()).isEmpty();
    }

    /** A route that records each event and then waits for {@link #release}, so deliveries stay in flight. */
    private void startBlockingRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(uri.substring(uri.indexOf(':') + 1, uri.indexOf('?')))
                        .process(exchange -> {
                            processedRefs.add(exchange.getMessage().getBody(WebhookEvent.class).getEntityRef());
                            if (!release.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never released the route");
                            }
                        })
                        .to("mock:events");
            }
        });
    }

    private HttpResponse<String> send(byte[] body) {
        try {
            return postSigned(receiverUrl("hook"), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
