package io.github.camelpreservica.component.preservica;

import java.util.Map;

import io.github.camelpreservica.client.Asset;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code preservica:asset} against the simulator over loopback. */
class PreservicaAssetTest extends CamelTestSupport {

    private static final String UNKNOWN_REF = "00000000-0000-0000-0000-000000000000";

    private static PreservicaSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = SimulatorSupport.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SimulatorSupport.configure(context.getComponent("preservica", PreservicaComponent.class), simulator);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:asset").to("preservica:asset");
                from("direct:title").to("preservica:asset").setBody(simple("${body.title}"));
                from("direct:onException")
                        .onException(PreservicaNotFoundException.class).handled(true)
                        .setBody(simple("not found: ${exception.statusCode}"))
                        .end()
                        .to("preservica:asset");
                from("direct:doTry")
                        .doTry()
                        .to("preservica:asset")
                        .doCatch(PreservicaNotFoundException.class)
                        .setBody(constant("caught"))
                        .end();
            }
        };
    }

    @Test
    void fetchesAssetNamedInHeader() {
        SimulatedAsset expected = SimulatorSupport.assetWithThumbnail(simulator);

        Object body = template.requestBodyAndHeader("direct:asset", "ignored",
                PreservicaConstants.ENTITY_REF, expected.ref());

        assertThat(body).isEqualTo(new Asset(expected.ref(), expected.title(), expected.description(),
                expected.securityTag(), expected.parentRef()));
    }

    @Test
    void fetchesAssetNamedInBodyWhenNoHeader() {
        SimulatedAsset expected = SimulatorSupport.assetWithThumbnail(simulator);

        Asset asset = template.requestBody("direct:asset", expected.ref(), Asset.class);

        assertThat(asset.ref()).isEqualTo(expected.ref());
        assertThat(asset.title()).isEqualTo(expected.title());
    }

    @Test
    void assetFieldsAreReadableInSimple() {
        SimulatedAsset expected = SimulatorSupport.assetWithThumbnail(simulator);

        assertThat(template.requestBody("direct:title", expected.ref(), String.class)).isEqualTo(expected.title());
    }

    @Test
    void assetConvertsToMapAndJson() {
        SimulatedAsset expected = SimulatorSupport.assetWithThumbnail(simulator);
        Asset asset = template.requestBody("direct:asset", expected.ref(), Asset.class);

        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().convertTo(Map.class, asset);
        String json = context.getTypeConverter().convertTo(String.class, asset);

        assertThat(map).containsEntry("ref", expected.ref()).containsEntry("title", expected.title())
                .containsEntry("securityTag", expected.securityTag());
        assertThat(json).startsWith("{\"ref\":\"" + expected.ref() + "\",\"title\":");
    }

    @Test
    void unknownAssetRaisesNotFoundException() {
        assertThatThrownBy(() -> template.requestBody("direct:asset", UNKNOWN_REF))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(PreservicaNotFoundException.class)
                .hasMessageContaining(UNKNOWN_REF);
    }

    @Test
    void unknownAssetIsCaughtByOnException() {
        assertThat(template.requestBody("direct:onException", UNKNOWN_REF, String.class)).isEqualTo("not found: 404");
    }

    @Test
    void unknownAssetIsCaughtByDoTry() {
        assertThat(template.requestBody("direct:doTry", UNKNOWN_REF, String.class)).isEqualTo("caught");
    }

    @Test
    void missingReferenceFailsNamingTheHeader() {
        assertThatThrownBy(() -> template.requestBody("direct:asset", (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PreservicaConstants.ENTITY_REF);
    }
}
