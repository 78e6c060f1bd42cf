package io.github.camelpreservica.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Logs every Preservica event as one line of JSON. Replace the last step with what your archive needs: the body
 * is the event ({@code ${body.entityRef}}), the headers name the subscription, trigger, entity and tenant.
 * <p>
 * The connection, the trigger and the URL Preservica calls come from {@code camel.component.preservica-webhook.*}
 * in {@code application.properties}; the endpoint only names the route's label.
 */
@Component
public class PreservicaEventsRoute extends RouteBuilder {

    /** The route's id, for management and for tests. */
    public static final String ROUTE_ID = "preservica-events";

    /** Where each event ends up, as one line of JSON. */
    public static final String EVENT_LOG = "log:preservica-events?plain=true";

    @Override
    public void configure() {
        from("preservica-webhook:events").routeId(ROUTE_ID)
                .marshal().json()
                .convertBodyTo(String.class)
                .to(EVENT_LOG);
    }
}
