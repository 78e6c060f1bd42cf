package io.github.camelpreservica.component.webhook;

import io.github.camelpreservica.simulator.FireRequest;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The event body reads the same from the YAML and XML DSLs as from Java: {@code ${body.entityRef}} in simple. */
class WebhookDslTest extends WebhookTestSupport {

    @Test
    void yamlRouteReadsTheEntityRefAndIdentifiersWithSimple() throws Exception {
        load("routes.yaml", """
                - route:
                    id: yaml
                    from:
                      uri: preservica-webhook:yaml
                      parameters:
                        trigger: INDEXED
                      steps:
                        - setHeader:
                            name: ref
                            simple: "${body.entityRef}"
                        - setHeader:
                            name: title
                            simple: "${body.identifiers[0][value]}"
                        - to: mock:events
                """);

        expectRefAndTitleAfterFiring();
    }

    @Test
    void xmlRouteReadsTheEntityRefAndIdentifiersWithSimple() throws Exception {
        load("routes.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="xml">
                    <from uri="preservica-webhook:xml?trigger=INDEXED"/>
                    <setHeader name="ref"><simple>${body.entityRef}</simple></setHeader>
                    <setHeader name="title"><simple>${body.identifiers[0][value]}</simple></setHeader>
                    <to uri="mock:events"/>
                  </route>
                </routes>
                """);

        expectRefAndTitleAfterFiring();
    }

    private void load(String name, String text) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name, text));
    }

    private void expectRefAndTitleAfterFiring() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedHeaderReceived("ref", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");
        events.expectedHeaderReceived("title", "Ærøskøbing – 東京");

        simulator.fire(FireRequest.trigger("INDEXED").event("IO", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2")
                .identifier("title", "Ærøskøbing – 東京").build());

        events.assertIsSatisfied();
    }
}
