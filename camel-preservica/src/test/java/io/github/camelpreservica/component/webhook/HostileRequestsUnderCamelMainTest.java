package io.github.camelpreservica.component.webhook;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.HostileRequests.Engine;
import io.github.camelpreservica.testing.RawHttp;
import io.github.camelpreservica.vertx.HeaderTimeoutMainHttpServerFactory;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same hostile requests as {@link HostileRequestsTest}, with the same expected outcomes, against the consumer
 * under Camel Main's embedded HTTP server ({@code camel.server.enabled=true}, made by
 * {@link HeaderTimeoutMainHttpServerFactory} from {@code camel.beans}) instead of a hand-made Vert.x server: the
 * outcomes must not depend on how the server was set up.
 */
class HostileRequestsUnderCamelMainTest {

    private static final String PATH = "/preservica/hostile";
    private static final String GOOD = HostileRequests.GOOD;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, AtomicInteger> exchangesByRef = new ConcurrentHashMap<>();
    private final AtomicInteger caseExchanges = new AtomicInteger();
    private final AtomicInteger goodCounter = new AtomicInteger();
    private final WebhookSignatures signatures = new WebhookSignatures(WebhookTestSupport.SECRET);
    private Main main;
    private int port;

    @BeforeEach
    void startMain() throws Exception {
        port = FreePorts.next();
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", WebhookTestSupport.LOOPBACK);
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        // the request head timeout, switched on as the user guide says
        main.addInitialProperty("camel.beans.httpServerFactory",
                "#class:" + HeaderTimeoutMainHttpServerFactory.class.getName());
        main.addInitialProperty("camel.beans.httpServerFactory.requestHeaderTimeout",
                String.valueOf(HostileRequests.HEAD_TIMEOUT_MILLIS));
        main.addInitialProperty("camel.component.preservica-webhook.secret", WebhookTestSupport.SECRET);
        main.configure().addRoutesBuilder(HostileRequests.route(exchangesByRef, caseExchanges));
        main.start();
    }

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsTheSameOutcomeUnderCamelMain() {
        HostileRequests catalogue = new HostileRequests(Engine.VERTX, port, PATH, WebhookTestSupport.SECRET,
                this::sendGoodDelivery);
        Stream<DynamicTest> cases = catalogue.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (c.before() != null) {
                assertThat(c.before().send()).as("status of what prepares '%s'", c.name()).isEqualTo(200);
            }
            int before = caseExchanges.get();
            assertThat(c.sender().send()).as("status of '%s'", c.name()).isEqualTo(c.statusOn(Engine.VERTX));
            assertThat(caseExchanges.get() - before).as("exchanges made by '%s'", c.name())
                    .isEqualTo(c.exchange() ? 1 : 0);
            sendGoodDelivery();
        }));
        Stream<DynamicTest> last = Stream.of(DynamicTest.dynamicTest("every good delivery arrived exactly once",
                () -> {
                    assertThat(goodCounter.get()).isGreaterThanOrEqualTo(40);
                    for (int i = 1; i <= goodCounter.get(); i++) {
                        assertThat(exchangesByRef.get(GOOD + i)).as("exchanges for good delivery %s", i).hasValue(1);
                    }
                }));
        return Stream.concat(cases, last);
    }

    @Test
    void exposesTheHeadTimeoutsOverJmx() throws Exception {
        try (RawHttp silent = new RawHttp(port, 30_000)) {
            assertThat(silent.closedByServer()).as("a silent connection is closed by the head timeout").isTrue();
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName ours = server.queryNames(new ObjectName("org.apache.camel:type=services,*"), null).stream()
                .filter(name -> name.getKeyProperty("name").contains("HeaderTimeoutVertxPlatformHttpServer"))
                .findFirst().orElseThrow();

        assertThat(server.getAttribute(ours, "RequestHeaderTimeout")).isEqualTo(HostileRequests.HEAD_TIMEOUT_MILLIS);
        assertThat(server.getAttribute(ours, "KeepAliveTimeout"))
                .isEqualTo(HeaderTimeoutVertxPlatformHttpServer.DEFAULT_KEEP_ALIVE_TIMEOUT);
        assertThat(server.getAttribute(ours, "RequestHeaderTimeouts")).isEqualTo(1L);
        assertThat(server.getAttribute(ours, "OpenConnections")).isEqualTo(0);
    }

    private void sendGoodDelivery() throws Exception {
        String ref = GOOD + goodCounter.incrementAndGet();
        byte[] body = WebhookTestSupport.delivery(HostileRequests.SUBSCRIPTION, ref);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://"
                + WebhookTestSupport.LOOPBACK + ":"
                + port + PATH))
                .timeout(Duration.ofSeconds(30))
                .header(WebhookSignatures.SIGNATURE_HEADER, signatures.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("good delivery %s", ref).isEqualTo(200);
    }
}
