package io.github.camelpreservica.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Prints every Preservica event as one line of JSON on standard output, as examples/print-events does. Camel Quarkus
 * finds this class at build time; the trigger and the URL Preservica calls come from application.properties, the
 * credentials from the PRESERVICA_* environment variables, which the component reads itself.
 */
public class PrintEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("preservica-webhook:events"
                + "?trigger={{preservica.webhook.trigger}}"
                + "&webhookExternalUrl={{preservica.webhook.url}}")
                .routeId("print-events")
                .marshal().json()
                .to("stream:out");
    }
}
