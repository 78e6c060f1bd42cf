package io.github.camelpreservica.examples.printevents;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.RunningMain;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML route as a YAML-only integration (the Camel K style): plain Camel Main with no package scan, so none of
 * the example's Java classes, not even its application.properties; only the YAML file and configuration properties.
 */
class YamlRouteAloneTest {

    @Test
    void runsOnPlainCamelMainWithOnlyConfigurationProperties() throws Exception {
        try (PreservicaSimulator preservica = PreservicaSimulator.builder()
                .port(0).user("admin", "admin-password", "TEST").demoAssets(true).build().start();
                StandardOutputCapture stdout = StandardOutputCapture.install()) {
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("false");
            main.addInitialProperty("camel.main.routes-include-pattern", "classpath:camel/print-events.camel.yaml");
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.component.preservica-webhook.server", preservica.baseUrl());
            main.addInitialProperty("camel.component.preservica-webhook.username", "admin");
            main.addInitialProperty("camel.component.preservica-webhook.password", "admin-password");
            main.addInitialProperty("camel.component.preservica-webhook.tenant", "TEST");
            main.addInitialProperty("camel.component.preservica-webhook.secret", "yaml-only-secret-for-the-test");
            main.addInitialProperty("camel.component.preservica-webhook.trigger", "INDEXED");

            try (RunningMain app = RunningMain.withServerOnFreePort(main)) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 1);
                preservica.fire("INDEXED", DemoAssets.LETTER_REF);
                JsonNode event = new ObjectMapper().readTree(stdout.awaitLineContaining(DemoAssets.LETTER_REF));
                assertThat(event.path("entityRef").asText()).isEqualTo(DemoAssets.LETTER_REF);
                assertThat(app.camelContext().getRoutes()).extracting(Route::getRouteId)
                        .containsExactly("print-events-yaml");
            }
            assertThat(preservica.subscriptions()).isEmpty();
        }
    }
}
