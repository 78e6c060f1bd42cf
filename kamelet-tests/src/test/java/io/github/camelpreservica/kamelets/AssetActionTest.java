package io.github.camelpreservica.kamelets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** preservica-asset-action, from the jar's kamelets/, fetches the asset a message's entity reference names. */
class AssetActionTest {

    private static final String HARBOUR_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";

    @Test
    void replacesTheMessageWithTheAssetAsJson() throws Exception {
        try (PreservicaSimulator preservica = PreservicaSimulator.builder().host("127.0.0.1").port(0)
                .user("asset-user", "asset-password", "ASSETS").demoAssets(true).build().start();
                CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("preservica.server", preservica.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:asset")
                            .to("kamelet:preservica-asset-action?server={{preservica.server}}"
                                    + "&username=asset-user&password=asset-password&tenant=ASSETS");
                }
            });
            context.start();
            ProducerTemplate producer = context.createProducerTemplate();

            String json = producer.requestBodyAndHeader("direct:asset", "{\"event\":\"FullTextIndexed\"}",
                    "CamelPreservicaEntityRef", HARBOUR_REF, String.class);

            JsonNode asset = new ObjectMapper().readTree(json);
            assertThat(asset.path("ref").asText()).isEqualTo(HARBOUR_REF);
            assertThat(asset.path("title").asText()).isNotBlank();
        }
    }
}
