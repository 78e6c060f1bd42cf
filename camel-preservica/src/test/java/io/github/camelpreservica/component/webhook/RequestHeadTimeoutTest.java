package io.github.camelpreservica.component.webhook;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.RawHttp;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The request head timeouts of {@link HeaderTimeoutVertxPlatformHttpServer}, over real sockets to a running route:
 * slow heads and idle connections are cut off in time; work in progress and prompt keep-alive requests are not.
 */
class RequestHeadTimeoutTest extends WebhookTestSupport {

    private static final long HEAD_TIMEOUT = 1_500;
    private static final long KEEP_ALIVE_TIMEOUT = 4_000;
    // a timeout is checked every quarter of the shorter one; the rest is slack for a busy machine
    private static final long SLACK = 8_000;
    private static final String PATH = "/preservica/heads";

    @Override
    protected long requestHeaderTimeout() {
        return HEAD_TIMEOUT;
    }

    @Override
    protected long keepAliveTimeout() {
        return KEEP_ALIVE_TIMEOUT;
    }

    @Test
    void closesAConnectionThatDribblesItsHeaders() throws Exception {
        startRoute("heads", "preservica-webhook:heads?subscribe=false");
        try (RawHttp http = new RawHttp(httpPort, 30_000)) {
            long started = System.nanoTime();
            http.write(RawHttp.ascii("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nX-Slow: "));
            for (int i = 0; i < 200 && http.write(RawHttp.ascii("s")); i++) {
                Thread.sleep(100);
            }
            assertThat(http.readResponse().status()).isEqualTo(RawHttp.NO_ANSWER);
            assertThat(millisSince(started)).isBetween(HEAD_TIMEOUT, HEAD_TIMEOUT + SLACK);
        }
        assertThat(server().getRequestHeaderTimeouts()).isEqualTo(1);
    }

    @Test
    void closesAConnectionThatSendsNothing() throws Exception {
        startRoute("heads", "preservica-webhook:heads?subscribe=false");
        try (RawHttp http = new RawHttp(httpPort, 30_000)) {
            long started = System.nanoTime();
            assertThat(http.closedByServer()).isTrue();
            assertThat(millisSince(started)).isBetween(HEAD_TIMEOUT, HEAD_TIMEOUT + SLACK);
        }
    }

    @Test
    void answersADeliveryWhoseRouteTakesLongerThanTheHeadTimeout() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:heads?subscribe=false").routeId("heads")
                        .process(exchange -> Thread.sleep(HEAD_TIMEOUT * 2)).to("mock:events");
            }
        });
        try (RawHttp http = new RawHttp(httpPort, 30_000)) {
            http.write(signedDelivery("slow-route"));
            assertThat(http.readResponse().status()).isEqualTo(200);
        }
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void keepsAKeepAliveConnectionWhoseNextRequestComesWithinTheKeepAliveTimeout() throws Exception {
        startRoute("heads", "preservica-webhook:heads?subscribe=false");
        try (RawHttp http = new RawHttp(httpPort, 30_000)) {
            http.write(signedDelivery("first"));
            assertThat(http.readResponse().status()).isEqualTo(200);
            // longer than the head timeout, shorter than the keep-alive timeout
            Thread.sleep(HEAD_TIMEOUT + 1_000);
            http.write(signedDelivery("second"));
            assertThat(http.readResponse().status()).isEqualTo(200);
        }
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void closesAKeepAliveConnectionIdleLongerThanTheKeepAliveTimeout() throws Exception {
        startRoute("heads", "preservica-webhook:heads?subscribe=false");
        try (RawHttp http = new RawHttp(httpPort, 30_000)) {
            http.write(signedDelivery("only"));
            assertThat(http.readResponse().status()).isEqualTo(200);
            long answered = System.nanoTime();
            assertThat(http.closedByServer()).isTrue();
            assertThat(millisSince(answered)).isBetween(KEEP_ALIVE_TIMEOUT, KEEP_ALIVE_TIMEOUT + SLACK);
        }
        assertThat(server().getRequestHeaderTimeouts()).as("an idle keep-alive connection is not a slow head")
                .isZero();
    }

    @Test
    void forgetsConnectionsOnceTheyAreClosed() throws Exception {
        startRoute("heads", "preservica-webhook:heads?subscribe=false");
        List<RawHttp> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawHttp http = new RawHttp(httpPort, 30_000);
                connections.add(http);
                http.write(signedDelivery("many-" + i));
                assertThat(http.readResponse().status()).isEqualTo(200);
            }
            assertThat(server().getOpenConnections()).isEqualTo(20);
        } finally {
            for (RawHttp http : connections) {
                http.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server().getOpenConnections() == 0);
    }

    @Test
    void failsToStartNamingTheAddressWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
            VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
            configuration.setBindHost(LOOPBACK);
            configuration.setBindPort(taken.getLocalPort());
            try (CamelContext other = new DefaultCamelContext()) {
                other.addService(new HeaderTimeoutVertxPlatformHttpServer(configuration));
                assertThatThrownBy(other::start).hasStackTraceContaining(
                        "The HTTP server could not listen on " + LOOPBACK + ":" + taken.getLocalPort());
            }
        }
    }

    @Test
    void tellsWhetherTheContextIsServedWithoutAHeadTimeout() throws Exception {
        assertThat(HeaderTimeoutVertxPlatformHttpServer.servedWithoutHeaderTimeout(context)).isFalse();
        try (CamelContext plain = new DefaultCamelContext()) {
            plain.addService(new VertxPlatformHttpServer(new VertxPlatformHttpServerConfiguration()));
            assertThat(HeaderTimeoutVertxPlatformHttpServer.servedWithoutHeaderTimeout(plain)).isTrue();
        }
        try (CamelContext none = new DefaultCamelContext()) {
            assertThat(HeaderTimeoutVertxPlatformHttpServer.servedWithoutHeaderTimeout(none)).isFalse();
        }
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        assertThatThrownBy(() -> new HeaderTimeoutVertxPlatformHttpServer(configuration, 0, 1_000))
                .hasMessage("requestHeaderTimeout must be a positive number of milliseconds, was 0");
        assertThatThrownBy(() -> new HeaderTimeoutVertxPlatformHttpServer(configuration, 1_000, -5))
                .hasMessage("keepAliveTimeout must be a positive number of milliseconds, was -5");
    }

    private HeaderTimeoutVertxPlatformHttpServer server() {
        return context.hasService(HeaderTimeoutVertxPlatformHttpServer.class);
    }

    private byte[] signedDelivery(String ref) {
        byte[] body = delivery(HostileRequests.SUBSCRIPTION, ref);
        return RawHttp.request("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + WebhookSignatures.SIGNATURE_HEADER + ": " + signatures.sign(body) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n",
                body);
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
