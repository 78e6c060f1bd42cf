package io.github.camelpreservica.benchmarks.server;

import java.net.URI;
import java.util.Properties;

import io.github.camelpreservica.benchmarks.delivery.DeliveryCheck;
import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineRouteTest {

    private Main server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void answers200ToAChunkedDelivery() throws Exception {
        int port = FreePorts.next();
        server = BenchmarkServer.create("baseline", new BaselineRoute(BenchmarkServer.PATH), port, new Properties());
        server.start();
        SignedDelivery delivery = SignedDelivery.ofSize(1024, "s");

        int status = new DeliveryCheck(URI.create("http://127.0.0.1:" + port + "/hook"))
                .post(delivery.body(), delivery.signature());

        assertThat(status).isEqualTo(200);
    }
}
