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
                + "&webhookExternalUrl={{env:PRESERVICA_WEBHOOK_URL:}}"
                // catch up on what no webhook brought; the checkpoint survives restarts when a file is named
                + "&catchUp=true&catchUpInterval={{env:PRESERVICA_CATCH_UP_INTERVAL:30s}}"
                + "&checkpointFile={{env:PRESERVICA_CHECKPOINT_FILE:}}").routeId("print-events-java")
                .marshal().json()
                .to("stream:out");
    }
}
