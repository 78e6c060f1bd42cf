package io.github.camelpreservica.examples.quarkus;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.examples.quarkus.SimulatedPreservica.Receiver;
import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.PriorKnowledgeHttp2;
import io.github.camelpreservica.testing.TestCertificate;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed deliveries over HTTP/2 on Quarkus' own HTTP server: sent by {@code java.net.http.HttpClient} with its
 * defaults over TLS ({@code quarkus.http.ssl.certificate.*} with a PKCS12 keystore made by keytool before Quarkus
 * starts; Quarkus offers h2 in ALPN), and as cleartext HTTP/2 with prior knowledge from Vert.x's client (which
 * java.net.http cannot send). Each is answered 200 and reaches the route once.
 */
@QuarkusTest
@TestProfile(Http2AndTlsOnQuarkusTest.Tls.class)
@QuarkusTestResource(value = SimulatedPreservica.class, restrictToAnnotatedClass = true)
class Http2AndTlsOnQuarkusTest {

    private static final String PATH = "/preservica/hostile";
    private static final WebhookSignatures SIGNATURES = new WebhookSignatures(SimulatedPreservica.WEBHOOK_SECRET);

    private static final Map<String, AtomicInteger> EXCHANGES_BY_REF = new ConcurrentHashMap<>();
    private static final AtomicInteger CASE_EXCHANGES = new AtomicInteger();

    Receiver receiver;

    @Inject
    CamelContext camelContext;

    @BeforeEach
    void addTheCountingRoute() throws Exception {
        if (camelContext.getRoute("hostile") == null) {
            camelContext.addRoutes(HostileRequests.route(EXCHANGES_BY_REF, CASE_EXCHANGES));
        }
    }

    @Test
    void defaultClientDeliversOverTlsAsHttp2WithContentLength() throws Exception {
        String ref = HostileRequests.GOOD + "tls-length";
        byte[] body = HostileRequests.delivery(ref);
        HttpResponse<String> response = sendOverTls(HttpRequest.BodyPublishers.ofByteArray(body), body);

        assertThat(response.version()).as("Quarkus offers h2 in ALPN").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(ref)).hasValue(1);
    }

    @Test
    void defaultClientDeliversOverTlsAsHttp2WithoutALength() throws Exception {
        String ref = HostileRequests.GOOD + "tls-streamed";
        byte[] body = HostileRequests.delivery(ref);
        HttpResponse<String> response = sendOverTls(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), body);

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(ref)).hasValue(1);
    }

    @Test
    void cleartextHttp2WithPriorKnowledgeIsDelivered() throws Exception {
        String ref = HostileRequests.GOOD + "prior-knowledge";
        byte[] body = HostileRequests.delivery(ref);

        assertThat(PriorKnowledgeHttp2.post(receiver.port(), PATH, body, SIGNATURES)).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(ref)).hasValue(1);
    }

    private static HttpResponse<String> sendOverTls(HttpRequest.BodyPublisher publisher, byte[] body)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificate.trustingClient(Tls.keystore()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + Tls.sslPort() + PATH))
                .timeout(Duration.ofSeconds(20))
                .header(WebhookSignatures.SIGNATURE_HEADER, SIGNATURES.sign(body)).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * HTTPS beside the test's HTTP port, with a certificate made before Quarkus starts; no subscription, since the
     * simulator would be told an http URL and this test sends the deliveries itself.
     */
    public static class Tls implements QuarkusTestProfile {

        // system properties, not static fields: Quarkus loads the profile and the test in different class loaders
        private static final String KEYSTORE_PROPERTY = "http2-and-tls-on-quarkus.keystore";
        private static final String SSL_PORT_PROPERTY = "http2-and-tls-on-quarkus.ssl-port";

        static synchronized Path keystore() throws Exception {
            String made = System.getProperty(KEYSTORE_PROPERTY);
            if (made != null) {
                return Path.of(made);
            }
            Path keystore = TestCertificate.create(Files.createTempDirectory("quarkus-tls"));
            keystore.getParent().toFile().deleteOnExit();
            keystore.toFile().deleteOnExit();
            System.setProperty(SSL_PORT_PROPERTY, Integer.toString(FreePorts.next()));
            System.setProperty(KEYSTORE_PROPERTY, keystore.toString());
            return keystore;
        }

        static synchronized int sslPort() throws Exception {
            keystore();
            return Integer.parseInt(System.getProperty(SSL_PORT_PROPERTY));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of(
                        "quarkus.http.ssl.certificate.key-store-file", keystore().toString(),
                        "quarkus.http.ssl.certificate.key-store-file-type", "PKCS12",
                        "quarkus.http.ssl.certificate.key-store-password", TestCertificate.PASSWORD,
                        "quarkus.http.test-ssl-port", Integer.toString(sslPort()),
                        "camel.component.preservica-webhook.subscribe", "false");
            } catch (Exception e) {
                throw new IllegalStateException("No test certificate for Quarkus' HTTPS", e);
            }
        }
    }
}
