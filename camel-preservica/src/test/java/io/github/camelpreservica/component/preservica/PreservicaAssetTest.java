package io.github.camelpreservica.component.preservica;

import java.util.Map;

import io.github.camelpreservica.client.Asset;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code preservica:asset} against the simulator over loopback. */
class PreservicaAssetTest extends PreservicaTestSupport {

    private static final String UNKNOWN_REF = "00000000-0000-0000-0000-000000000000";

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
        SimulatedAsset expected = assetWithThumbnail();

        Object body = template.requestBodyAndHeader("direct:asset", "ignored",
                PreservicaConstants.ENTITY_REF, expected.ref());

        assertThat(body).isEqualTo(new Asset(expected.ref(), expected.title(), expected.description(),
                expected.securityTag(), expected.parentRef()));
    }

    @Test
    void fetchesAssetNamedInBodyWhenNoHeader() {
        SimulatedAsset expected = assetWithThumbnail();

        Asset asset = template.requestBody("direct:asset", expected.ref(), Asset.class);

        assertThat(asset.ref()).isEqualTo(expected.ref());
        assertThat(asset.title()).isEqualTo(expected.title());
    }

    @Test
    void assetFieldsAreReadableInSimple() {
        SimulatedAsset expected = assetWithThumbnail();

        assertThat(template.requestBody("direct:title", expected.ref(), String.class)).isEqualTo(expected.title());
    }

    @Test
    void assetConvertsToMapAndJson() {
        SimulatedAsset expected = assetWithThumbnail();
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
