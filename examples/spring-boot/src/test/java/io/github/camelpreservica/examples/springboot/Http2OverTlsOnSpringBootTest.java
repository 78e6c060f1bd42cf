package io.github.camelpreservica.examples.springboot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.TestCertificate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed deliveries sent by {@code java.net.http.HttpClient} with its defaults (HTTP/2 asked for) over TLS to Spring
 * Boot's Tomcat with {@code server.ssl.*} (a PKCS12 keystore made by keytool before the context starts) and
 * {@code server.http2.enabled=true}: Tomcat offers h2 in ALPN, so they arrive as HTTP/2, are answered 200 and reach
 * the route once each.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { PreservicaEventsApplication.class, Http2OverTlsOnSpringBootTest.CountingRoute.class },
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Http2OverTlsOnSpringBootTest {

    private static final String SECRET = "spring-boot-http2-over-tls-secret";
    private static final String PATH = "/preservica/hostile";
    private static final WebhookSignatures SIGNATURES = new WebhookSignatures(SECRET);

    private static final Map<String, AtomicInteger> EXCHANGES_BY_REF = new ConcurrentHashMap<>();
    private static final AtomicInteger CASE_EXCHANGES = new AtomicInteger();

    private static Path certificateDir;
    private static Path keystore;
    private static int serverPort;

    @DynamicPropertySource
    static void serveTlsAndHttp2(DynamicPropertyRegistry registry) throws Exception {
        certificateDir = Files.createTempDirectory("spring-boot-tls");
        keystore = TestCertificate.create(certificateDir);
        serverPort = FreePorts.next();
        registry.add("server.port", () -> serverPort);
        registry.add("server.address", () -> HostileRequests.LOOPBACK);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> keystore.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> TestCertificate.PASSWORD);
        registry.add("server.ssl.key-alias", () -> "localhost");
        registry.add("server.http2.enabled", () -> "true");
        // the deliveries are sent by this test: no Preservica to subscribe with
        registry.add("camel.component.preservica-webhook.subscribe", () -> "false");
        registry.add("camel.component.preservica-webhook.secret", () -> SECRET);
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                () -> "https://localhost:" + serverPort + "/preservica/events");
    }

    @AfterAll
    static void deleteTheCertificate() throws IOException {
        if (certificateDir != null) {
            try (Stream<Path> files = Files.walk(certificateDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void defaultClientDeliversOverTlsAsHttp2WithContentLength() throws Exception {
        byte[] body = HostileRequests.delivery(HostileRequests.GOOD + "tls-length");
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(body), body);

        assertThat(response.version()).as("Tomcat offers h2 in ALPN").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(HostileRequests.GOOD + "tls-length")).hasValue(1);
    }

    @Test
    void defaultClientDeliversOverTlsAsHttp2WithoutALength() throws Exception {
        byte[] body = HostileRequests.delivery(HostileRequests.GOOD + "tls-streamed");
        HttpResponse<String> response = send(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), body);

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(HostileRequests.GOOD + "tls-streamed")).hasValue(1);
    }

    private static HttpResponse<String> send(HttpRequest.BodyPublisher publisher, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificate.trustingClient(keystore))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + serverPort + PATH))
                .timeout(Duration.ofSeconds(20))
                .header(WebhookSignatures.SIGNATURE_HEADER, SIGNATURES.sign(body)).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The counting route as a bean: platform-http on Spring Boot maps the routes' paths at start. */
    @TestConfiguration
    static class CountingRoute {
        @Bean
        RouteBuilder countingRoute() {
            // its own URL: the application's webhook-external-url is the component's, for every endpoint
            return HostileRequests.route(EXCHANGES_BY_REF, CASE_EXCHANGES,
                    "&webhookExternalUrl=https://localhost:" + serverPort + PATH);
        }
    }
}
