package io.github.camelpreservica.examples.printevents;

import org.apache.camel.builder.RouteBuilder;

/**
 * Prints every Preservica event as one line of JSON on standard output. {@code camel/print-events.camel.yaml} is the
 * same route in the YAML DSL; {@code print-events.dsl} picks which of the two runs.
 */
public class PrintEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("preservica-webhook:events"
                + "?trigger={{env:PRESERVICA_WEBHOOK_TRIGGER:INDEXED}}"
                + "&webhookExternalUrl={{env:PRESERVICA_WEBHOOK_URL:}}").routeId("print-events-java")
                .marshal().json()
                .to("stream:out");
    }
}
