package io.github.camelpreservica.benchmarks.server;

import org.apache.camel.builder.RouteBuilder;

/**
 * The system under test: a preservica-webhook consumer in receive-only mode (it never contacts Preservica),
 * verifying, parsing and mapping every delivery, followed by a processor that does nothing, so the
 * measurement is the component's own cost.
 */
public final class ReceiverRoute extends RouteBuilder {

    private final String path;

    public ReceiverRoute(String path) {
        this.path = path;
    }

    @Override
    public void configure() {
        // the secret comes from a property placeholder, so it never appears in the route's URI in logs
        from("preservica-webhook:bench?subscribe=false&webhookPath=" + path + "&secret=RAW({{bench.secret}})")
                .routeId("receiver")
                .process(exchange -> {
                    // deliberately empty: what is measured is everything before this point
                });
    }
}
