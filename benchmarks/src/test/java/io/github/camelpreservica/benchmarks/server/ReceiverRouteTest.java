package io.github.camelpreservica.benchmarks.server;

import java.net.URI;
import java.util.Properties;

import io.github.camelpreservica.benchmarks.delivery.DeliveryCheck;
import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverRouteTest {

    private static final String SECRET = "receiver-route-test-secret";

    private Main server;
    private DeliveryCheck check;

    @BeforeEach
    void startReceiver() throws Exception {
        int port = FreePorts.next();
        Properties properties = new Properties();
        properties.setProperty("bench.secret", SECRET);
        server = BenchmarkServer.create("receiver", new ReceiverRoute(BenchmarkServer.PATH), port, properties);
        server.start();
        check = new DeliveryCheck(URI.create("http://127.0.0.1:" + port + "/hook"));
    }

    @AfterEach
    void stopReceiver() throws Exception {
        server.stop();
    }

    @Test
    void acceptsAChunkedDeliverySignedWithTheSecret() throws Exception {
        SignedDelivery delivery = SignedDelivery.ofSize(1024, SECRET);

        assertThat(check.post(delivery.body(), delivery.signature())).isEqualTo(200);
    }

    @Test
    void refusesADeliveryWhoseBodyWasChangedByOneByte() throws Exception {
        SignedDelivery delivery = SignedDelivery.ofSize(1024, SECRET);

        assertThat(check.post(DeliveryCheck.tampered(delivery.body()), delivery.signature())).isEqualTo(401);
    }

    @Test
    void refusesADeliverySignedWithAnotherSecret() throws Exception {
        SignedDelivery delivery = SignedDelivery.ofSize(1024, "another-secret");

        assertThat(check.post(delivery.body(), delivery.signature())).isEqualTo(401);
    }
}
