package io.github.camelpreservica.component.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.PriorKnowledgeHttp2;
import io.github.camelpreservica.testing.TestCertificate;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries sent with {@code java.net.http.HttpClient}'s defaults (which ask a plain connection to upgrade to HTTP/2),
 * and with HTTP/2 prior knowledge, are delivered (200) or the upgrade is declined cleanly; never 500. On Camel's own
 * Vert.x server (cleartext HTTP/2 on) and on HeaderTimeoutVertxPlatformHttpServer (cleartext HTTP/2 off).
 */
class Http2DeliveryTest {

    private static final String SECRET = "http2-delivery-test-secret-0123456789";
    private static final WebhookSignatures SIGNATURES = new WebhookSignatures(SECRET);
    private static final HttpClient DEFAULT_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .build();

    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger refs = new AtomicInteger();
    private CamelContext context;
    private org.apache.camel.main.Main main;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void camelMainsOwnServerDeliversAnH2cUpgradeAndPriorKnowledge() throws Exception {
        startMain(false);
        assertDelivered(sendWithDefaults(false));
        assertThat(sendWithPriorKnowledge()).isEqualTo(200);
    }

    @Test
    void camelMainWithTheHeadTimeoutServerDeclinesTheUpgradeAndNeverAnswers500() throws Exception {
        startMain(true);
        HttpResponse<String> response = sendWithDefaults(true);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertDelivered(response);
        assertThat(sendWithPriorKnowledge()).isNotEqualTo(500).isNotEqualTo(200);
    }

    @Test
    void camelsVertxServerDeliversWhatTheDefaultClientSendsWithContentLength() throws Exception {
        start(this::camelsServer);
        assertDelivered(sendWithDefaults(false));
    }

    @Test
    void camelsVertxServerDeliversWhatTheDefaultClientSendsChunked() throws Exception {
        start(this::camelsServer);
        assertDelivered(sendWithDefaults(true));
    }

    @Test
    void camelsVertxServerDeliversAnH2cUpgradeOfAPostWithABody() throws Exception {
        start(this::camelsServer);
        HttpResponse<String> response = sendWithDefaults(false);
        assertThat(response.version()).as("Camel's server accepts the upgrade").isEqualTo(HttpClient.Version.HTTP_2);
        assertDelivered(response);
    }

    @Test
    void camelsVertxServerDeliversHttp2WithPriorKnowledge() throws Exception {
        start(this::camelsServer);
        assertThat(sendWithPriorKnowledge()).isEqualTo(200);
        assertThat(exchanges.get()).isEqualTo(1);
    }

    @Test
    void headTimeoutServerDeclinesTheUpgradeAndDeliversOverHttp11() throws Exception {
        start(this::headTimeoutServer);
        HttpResponse<String> response = sendWithDefaults(false);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertDelivered(response);
        assertDelivered(sendWithDefaults(true));
    }

    @Test
    void headTimeoutServerRefusesPriorKnowledgeWithoutA500() throws Exception {
        start(this::headTimeoutServer);
        int status = sendWithPriorKnowledge();
        // cleartext HTTP/2 is off there: the preface is not HTTP/1.1, refused or the connection closed
        assertThat(status).isNotEqualTo(500).isNotEqualTo(200);
        assertThat(exchanges.get()).isZero();
    }

    private void startMain(boolean headTimeoutServer) throws Exception {
        port = FreePorts.next();
        main = new org.apache.camel.main.Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", WebhookTestSupport.LOOPBACK);
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        if (headTimeoutServer) {
            main.addInitialProperty("camel.beans.httpServerFactory",
                    "#class:" + io.github.camelpreservica.vertx.HeaderTimeoutMainHttpServerFactory.class.getName());
        }
        main.addInitialProperty("camel.component.preservica-webhook.secret", SECRET);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:h2?subscribe=false").process(exchange -> exchanges.incrementAndGet());
            }
        });
        main.start();
        awaitListening();
    }

    @Test
    void camelsVertxServerDeliversOverTlsWithTheClientsAlpnOffer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path keystore = TestCertificate.create(dir);
        start(configuration -> {
            configuration.setSslContextParameters(TestCertificate.serverParameters(keystore));
            return new VertxPlatformHttpServer(configuration);
        });
        HttpClient tlsClient = HttpClient.newBuilder().sslContext(TestCertificate.trustingClient(keystore))
                .connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body = nextDelivery();

        HttpResponse<String> response = tlsClient.send(HttpRequest.newBuilder(URI.create(
                "https://localhost:" + port + "/preservica/h2")).timeout(Duration.ofSeconds(20))
                .header(WebhookSignatures.SIGNATURE_HEADER, SIGNATURES.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        // Camel 4.18's server offers no h2 in ALPN, so this is HTTP/1.1 over TLS; an HTTP/2 request takes the path
        // of the prior-knowledge case above whichever way it arrived
        assertThat(response.version()).isIn(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over TLS, %s", response.version()).isEqualTo(200);
        assertThat(exchanges.get()).isEqualTo(1);
    }

    private Service camelsServer(VertxPlatformHttpServerConfiguration configuration) {
        return new VertxPlatformHttpServer(configuration);
    }

    private Service headTimeoutServer(VertxPlatformHttpServerConfiguration configuration) {
        return new HeaderTimeoutVertxPlatformHttpServer(configuration);
    }

    private void start(java.util.function.Function<VertxPlatformHttpServerConfiguration, Service> server)
            throws Exception {
        port = FreePorts.next();
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(WebhookTestSupport.LOOPBACK);
        configuration.setBindPort(port);
        context.addService(server.apply(configuration));
        context.getRestConfiguration().setHost(WebhookTestSupport.LOOPBACK);
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        component.setCredentialResolver(WebhookTestSupport.isolatedCredentials());
        component.getConfiguration().setSecret(SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:h2?subscribe=false").process(exchange -> exchanges.incrementAndGet());
            }
        });
        context.start();
        awaitListening();
    }

    /** Camel's own server may still be binding when the context has started. */
    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket ignored = new java.net.Socket(WebhookTestSupport.LOOPBACK, port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on port " + port);
    }

    private void assertDelivered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(exchanges.get()).isEqualTo(refs.get());
    }

    private byte[] nextDelivery() {
        return WebhookTestSupport.delivery("s", "h2-" + refs.incrementAndGet());
    }

    private HttpResponse<String> sendWithDefaults(boolean chunked) throws Exception {
        byte[] body = nextDelivery();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return DEFAULT_CLIENT.send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(20))
                .header(WebhookSignatures.SIGNATURE_HEADER, SIGNATURES.sign(body)).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a POST sent as HTTP/2 from the first byte (h2c prior knowledge), or -1 when it failed. */
    private int sendWithPriorKnowledge() throws Exception {
        return PriorKnowledgeHttp2.post(port, "/preservica/h2", nextDelivery(), SIGNATURES);
    }

    private String url() {
        return "http://" + WebhookTestSupport.LOOPBACK + ":" + port + "/preservica/h2";
    }
}
