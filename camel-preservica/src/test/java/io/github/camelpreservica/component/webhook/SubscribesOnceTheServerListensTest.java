package io.github.camelpreservica.component.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.component.webhook.WebhookTestSupport.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel Quarkus starts routes before its HTTP server listens, and its engine reports no port. With default options the
 * route must start all the same, ready (it can answer a challenge once the server listens), subscribing in the
 * background as soon as the server accepts Preservica's challenge. Played here on a plain CamelContext whose Vert.x
 * server listens only some time after the route started.
 */
class SubscribesOnceTheServerListensTest {

    private static final Duration LISTENS_AFTER = Duration.ofMillis(1_500);

    private PreservicaSimulator simulator;
    private CamelContext context;
    private LateListeningServer server;
    private int port;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = WebhookTestSupport.newSimulator();
        port = FreePorts.next();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            simulator.close();
        }
    }

    @Test
    void subscribesOnceTheServerListensWhenTheEngineReportsItsPort() throws Exception {
        startReceiver(true, "preservica-webhook:late?trigger=INDEXED");

        receivesOnceTheServerListens();
    }

    @Test
    void subscribesOnceTheServerListensWhenTheEngineReportsNoPort() throws Exception {
        startReceiver(false, "preservica-webhook:late?trigger=INDEXED&webhookExternalUrl=" + receiverUrl());

        receivesOnceTheServerListens();
    }

    private void receivesOnceTheServerListens() throws Exception {
        PreservicaWebhookConsumer consumer = (PreservicaWebhookConsumer) context.getRoute("late").getConsumer();
        assertThat(context.getRouteController().getRouteStatus("late").isStarted()).isTrue();
        assertThat(consumer.getSubscriptionState()).isEqualTo("PENDING");
        HealthCheck.Result before = readiness();
        assertThat(before.getState()).as("ready: it can answer a challenge").isEqualTo(HealthCheck.State.UP);
        assertThat(before.getDetails()).containsEntry("subscription.state", "PENDING");
        assertThat(simulator.subscriptions()).isEmpty();

        Thread.sleep(LISTENS_AFTER.toMillis());
        server.listenNow();

        await().atMost(Duration.ofSeconds(30)).until(consumer::isSubscribed);
        assertThat(consumer.getSubscriptionState()).isEqualTo("SUBSCRIBED");
        assertThat(readiness().getDetails()).containsEntry("subscription.state", "SUBSCRIBED");
        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::url)
                .isEqualTo(receiverUrl());
        assertThat(simulator.fire("INDEXED", "after-listening")).extracting(DeliveryRecord::status)
                .containsExactly(200);
        assertThat(received).containsExactly("after-listening");

        context.stop();
        assertThat(simulator.subscriptions()).as("unsubscribed on stop").isEmpty();
    }

    private void startReceiver(boolean engineReportsPort, String fromUri) throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(LOOPBACK);
        configuration.setBindPort(port);
        server = new LateListeningServer(configuration);
        context.addService(server);
        // as Camel Main does: the engine finds the port there while its server does not listen
        context.getRegistry().bind("platformHttpServerConfiguration", configuration);
        if (!engineReportsPort) {
            PlatformHttpComponent platformHttp = new PlatformHttpComponent();
            platformHttp.setEngine(new PortlessVertxEngine());
            context.addComponent("platform-http", platformHttp);
        }
        context.getRestConfiguration().setHost(LOOPBACK);
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        component.setCredentialResolver(WebhookTestSupport.isolatedCredentials());
        PreservicaWebhookConfiguration defaults = component.getConfiguration();
        defaults.setServer(simulator.baseUrl());
        defaults.setUsername(WebhookTestSupport.USERNAME);
        defaults.setPassword(WebhookTestSupport.PASSWORD);
        defaults.setTenant(WebhookTestSupport.TENANT);
        defaults.setSecret(WebhookTestSupport.SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fromUri).routeId("late")
                        .process(e -> received.add(e.getMessage().getBody(WebhookEvent.class).getEntityRef()));
            }
        });
        context.start();
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:late")).findFirst().orElseThrow();
    }

    private String receiverUrl() {
        return "http://" + LOOPBACK + ":" + port + "/preservica/late";
    }

    /** Registers its router when started, as Camel's server does, but listens only when told to. */
    private static final class LateListeningServer extends HeaderTimeoutVertxPlatformHttpServer {
        LateListeningServer(VertxPlatformHttpServerConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected void doStart() {
            initializeServer();
        }

        void listenNow() throws Exception {
            startServer();
        }
    }

    /**
     * The Vert.x engine, reporting no port, as Camel Quarkus' engine does. Wrapped rather than extended, since the
     * Vert.x engine names its router after the port it reports.
     */
    private static final class PortlessVertxEngine implements PlatformHttpEngine {
        private final VertxPlatformHttpEngine vertx = new VertxPlatformHttpEngine();

        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            vertx.setCamelContext(endpoint.getCamelContext());
            return vertx.createConsumer(endpoint, processor);
        }

        @Override
        public int getServerPort() {
            return 0;
        }
    }
}
