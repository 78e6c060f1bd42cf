package io.github.camelpreservica.vertx;

import io.github.camelpreservica.testing.FreePorts;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's own lifecycle: what it registers, what it refuses, and what it closes. */
class HeaderTimeoutVertxPlatformHttpServerTest {

    private static final String LOOPBACK = "127.0.0.1";

    @Test
    void registersItsRouterUnderThePortsNameAndListensThere() throws Exception {
        VertxPlatformHttpServerConfiguration configuration = configuration(FreePorts.next());
        HeaderTimeoutVertxPlatformHttpServer server = new HeaderTimeoutVertxPlatformHttpServer(configuration);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addService(server);
            context.start();

            VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                    VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getBindPort()));
            assertThat(router).isNotNull();
            assertThat(router.getServer()).isSameAs(server);
            assertThat(router.vertx()).isSameAs(server.getVertx());
            assertThat(router.bodyHandler()).isNotNull();
            assertThat(server.getServer()).isNotNull();
            assertThat(server.getPort()).isEqualTo(configuration.getBindPort());
        }
    }

    @Test
    void closesTheVertxItMadeButNotOneItWasGiven() throws Exception {
        Vertx given = Vertx.vertx();
        try {
            HeaderTimeoutVertxPlatformHttpServer made = new HeaderTimeoutVertxPlatformHttpServer(
                    configuration(FreePorts.next()));
            HeaderTimeoutVertxPlatformHttpServer withGiven = new HeaderTimeoutVertxPlatformHttpServer(
                    configuration(FreePorts.next()));
            withGiven.setVertx(given);
            try (CamelContext first = new DefaultCamelContext(); CamelContext second = new DefaultCamelContext()) {
                first.addService(made);
                first.start();
                second.addService(withGiven);
                second.start();
                assertThat(made.getVertx()).isNotNull().isNotSameAs(given);
            }
            assertThat(made.getVertx()).as("the Vert.x it made, closed and forgotten").isNull();
            assertThat(withGiven.getVertx()).isSameAs(given);
            // still usable: it was not closed
            assertThat(given.setTimer(1, id -> {
            })).isNotNegative();
        } finally {
            given.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void refusesCorsNamingTheOption() throws Exception {
        VertxPlatformHttpServerConfiguration configuration = configuration(FreePorts.next());
        configuration.getCors().setEnabled(true);
        try (CamelContext context = new DefaultCamelContext()) {
            // a service is initialised as it is added
            assertThatThrownBy(() -> context.addService(new HeaderTimeoutVertxPlatformHttpServer(configuration)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The cors option of VertxPlatformHttpServerConfiguration is not supported "
                            + "by HeaderTimeoutVertxPlatformHttpServer");
        }
    }

    private static VertxPlatformHttpServerConfiguration configuration(int port) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(LOOPBACK);
        configuration.setBindPort(port);
        return configuration;
    }
}
