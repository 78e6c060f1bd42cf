package io.github.camelpreservica.component.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receive-only consumer never tells Preservica a URL, so it must start where no HTTP port is known (an engine
 * without a server of its own, a servlet container behind a proxy); a subscribing one must ask for webhookExternalUrl.
 */
class ReceiveOnlyWithoutKnownPortTest {

    @Test
    void receiveOnlyConsumerStartsWithoutAKnownPortOrExternalUrl() throws Exception {
        try (CamelContext context = contextWithPortlessEngine()) {
            context.addRoutes(route(
                    "preservica-webhook:bench?subscribe=false&webhookPath=/hook&secret=receive-only-test-secret-0123"));
            context.start();

            assertThat(context.getRouteController().getRouteStatus("receiver").isStarted()).isTrue();
        }
    }

    @Test
    void subscribingConsumerWithoutAKnownPortAsksForWebhookExternalUrl() throws Exception {
        try (CamelContext context = contextWithPortlessEngine()) {
            context.addRoutes(route("preservica-webhook:events?trigger=INDEXED&secret=receive-only-test-secret-0123"
                    + "&server=http://127.0.0.1:9&username=u&password=p"));

            assertThatThrownBy(context::start).hasStackTraceContaining("Set the option webhookExternalUrl");
        }
    }

    private static CamelContext contextWithPortlessEngine() {
        CamelContext context = new DefaultCamelContext();
        PlatformHttpComponent platformHttp = new PlatformHttpComponent();
        platformHttp.setEngine(new PortlessEngine());
        context.addComponent("platform-http", platformHttp);
        return context;
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("receiver").log("${body.entityRef}");
            }
        };
    }

    /** A platform-http engine that serves nothing and so knows no port. */
    private static final class PortlessEngine implements PlatformHttpEngine {
        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            return new PortlessConsumer(endpoint, processor);
        }
    }

    private static final class PortlessConsumer extends DefaultConsumer implements PlatformHttpConsumer {
        PortlessConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        public PlatformHttpEndpoint getEndpoint() {
            return (PlatformHttpEndpoint) super.getEndpoint();
        }
    }
}
