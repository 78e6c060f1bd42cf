package io.github.camelpreservica.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.PriorKnowledgeHttp2;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cleartext HTTP/2 on Spring Boot's Tomcat with {@code server.http2.enabled=true}: the h2c upgrade a default
 * {@code java.net.http.HttpClient} asks for, and HTTP/2 with prior knowledge (sent by Vert.x's client, since
 * java.net.http cannot), each answered 200 and routed once.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { PreservicaEventsApplication.class, Http2CleartextOnSpringBootTest.CountingRoute.class },
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Http2CleartextOnSpringBootTest {

    private static final String SECRET = "spring-boot-http2-cleartext-secret";
    private static final String PATH = "/preservica/hostile";
    private static final WebhookSignatures SIGNATURES = new WebhookSignatures(SECRET);

    private static final Map<String, AtomicInteger> EXCHANGES_BY_REF = new ConcurrentHashMap<>();
    private static final AtomicInteger CASE_EXCHANGES = new AtomicInteger();

    private static int serverPort;

    @DynamicPropertySource
    static void serveHttp2InClearText(DynamicPropertyRegistry registry) {
        serverPort = FreePorts.next();
        registry.add("server.port", () -> serverPort);
        registry.add("server.address", () -> HostileRequests.LOOPBACK);
        registry.add("server.http2.enabled", () -> "true");
        // the deliveries are sent by this test: no Preservica to subscribe with
        registry.add("camel.component.preservica-webhook.subscribe", () -> "false");
        registry.add("camel.component.preservica-webhook.secret", () -> SECRET);
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                () -> "http://" + HostileRequests.LOOPBACK + ":" + serverPort + "/preservica/events");
    }

    @Test
    void defaultClientsH2cUpgradeIsDelivered() throws Exception {
        String ref = HostileRequests.GOOD + "h2c-upgrade";
        byte[] body = HostileRequests.delivery(ref);
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(20))
                        .header(WebhookSignatures.SIGNATURE_HEADER, SIGNATURES.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.version()).as("Tomcat takes the upgrade").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as("status over %s", response.version()).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(ref)).hasValue(1);
    }

    @Test
    void http2WithPriorKnowledgeIsDelivered() throws Exception {
        String ref = HostileRequests.GOOD + "prior-knowledge";
        byte[] body = HostileRequests.delivery(ref);

        assertThat(PriorKnowledgeHttp2.post(serverPort, PATH, body, SIGNATURES)).isEqualTo(200);
        assertThat(EXCHANGES_BY_REF.get(ref)).hasValue(1);
    }

    private static String url() {
        return "http://" + HostileRequests.LOOPBACK + ":" + serverPort + PATH;
    }

    /** The counting route as a bean: platform-http on Spring Boot maps the routes' paths at start. */
    @TestConfiguration
    static class CountingRoute {
        @Bean
        RouteBuilder countingRoute() {
            // its own URL: the application's webhook-external-url is the component's, for every endpoint
            return HostileRequests.route(EXCHANGES_BY_REF, CASE_EXCHANGES,
                    "&webhookExternalUrl=" + url());
        }
    }
}
