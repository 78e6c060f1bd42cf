package io.github.camelpreservica.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoPreservicaTest {

    @Test
    void startsTheSimulatorAndPointsBothComponentsAtItWhenNoServerIsConfigured() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        Main main = new Main();
        main.addMainListener(demo);
        main.start();
        String baseUrl;
        try {
            PreservicaSimulator simulator = demo.simulator().orElseThrow();
            baseUrl = simulator.baseUrl();
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            for (String component : new String[]{ "preservica", "preservica-webhook" }) {
                assertThat(properties.resolveProperty("camel.component." + component + ".server")).contains(baseUrl);
                assertThat(properties.resolveProperty("camel.component." + component + ".username"))
                        .contains(DemoPreservica.DEMO_USER);
                assertThat(properties.resolveProperty("camel.component." + component + ".tenant"))
                        .contains(DemoPreservica.DEMO_TENANT);
            }
            assertThat(properties.resolveProperty("camel.component.preservica-webhook.secret")).isPresent();
            // serving while Camel runs (any answer will do: this call carries no token)
            assertThat(get(baseUrl + "/api/entity/versiondetails/version").statusCode()).isPositive();
        } finally {
            main.stop();
        }
        // stopped with Camel
        assertThatThrownBy(() -> get(baseUrl + "/api/entity/versiondetails/version")).isInstanceOf(IOException.class);
    }

    @Test
    void staysOffWhenAServerIsConfigured() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        Main main = new Main();
        main.addMainListener(demo);
        main.addOverrideProperty("camel.component.preservica.server", "http://127.0.0.1:9");
        main.start();
        try {
            assertThat(demo.simulator()).isEmpty();
            assertThat(main.getCamelContext().getPropertiesComponent()
                    .resolveProperty("camel.component.preservica.server")).contains("http://127.0.0.1:9");
        } finally {
            main.stop();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
