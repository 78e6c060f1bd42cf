package io.github.camelpreservica.component.preservica;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import io.github.camelpreservica.simulator.RecordedRequest;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code preservica:thumbnail} against the simulator over loopback. */
class PreservicaThumbnailTest extends PreservicaTestSupport {

    private static final String SIZED_REF = "5e2c1a3b-7d4f-4a6e-9b8c-0d1e2f3a4b5c";
    private static final String BARE_REF = "6f3d2b4c-8e5a-4b7f-ac9d-1e2f3a4b5c6d";
    private static final Map<String, byte[]> SIZED_THUMBNAILS = Map.of(
            "small", "small image".getBytes(StandardCharsets.US_ASCII),
            "medium", "medium image".getBytes(StandardCharsets.US_ASCII),
            "large", "large image".getBytes(StandardCharsets.US_ASCII));

    @BeforeAll
    static void addAssetsWithAndWithoutThumbnails() {
        simulator.addAsset(SimulatedAsset.withThumbnailsBySize(SIZED_REF, "Sized", "one image per size", "open", null,
                SIZED_THUMBNAILS, "image/png"));
        simulator.addAsset(new SimulatedAsset(BARE_REF, "Bare", "no thumbnail", "open", null, null, null));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:thumbnail").to("preservica:thumbnail");
                from("direct:small").to("preservica:thumbnail?size=small");
            }
        };
    }

    @Test
    void returnsTheSimulatorsLargeThumbnailByDefault() {
        SimulatedAsset asset = assetWithThumbnail();

        Exchange exchange = template.request("direct:thumbnail",
                e -> e.getMessage().setHeader(PreservicaConstants.ENTITY_REF, asset.ref()));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(asset.thumbnail("large"));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo(asset.thumbnailContentType());
        assertThat(exchange.getMessage().getHeader(PreservicaConstants.THUMBNAIL_FOUND)).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "small", "medium", "large" })
    void sizeHeaderSelectsTheImage(String size) {
        Exchange exchange = template.request("direct:thumbnail", e -> {
            e.getMessage().setBody(SIZED_REF);
            e.getMessage().setHeader(PreservicaConstants.THUMBNAIL_SIZE, size);
        });

        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(SIZED_THUMBNAILS.get(size));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
    }

    @Test
    void sizeOptionSelectsTheImage() {
        byte[] body = template.requestBody("direct:small", SIZED_REF, byte[].class);

        assertThat(body).isEqualTo(SIZED_THUMBNAILS.get("small"));
    }

    @Test
    void missingThumbnailLeavesEmptyBodyAndFoundFalse() {
        Exchange exchange = template.request("direct:thumbnail", e -> {
            e.getMessage().setBody(BARE_REF);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(PreservicaConstants.THUMBNAIL_FOUND)).isEqualTo(false);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isNull();
    }

    @Test
    void entityTypeHeaderAsksForAFoldersThumbnail() {
        Exchange exchange = template.request("direct:thumbnail", e -> {
            e.getMessage().setBody(SIZED_REF);
            e.getMessage().setHeader(PreservicaConstants.ENTITY_TYPE, "SO");
        });

        // the simulator has thumbnails for assets only: the same reference asked for as a folder has none
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(PreservicaConstants.THUMBNAIL_FOUND)).isEqualTo(false);
        assertThat(simulator.requests()).extracting(RecordedRequest::query).filteredOn(Objects::nonNull)
                .map(query -> URLDecoder.decode(query, StandardCharsets.UTF_8))
                .anySatisfy(query -> assertThat(query).contains("id=sdb:SO|" + SIZED_REF));
    }

    @Test
    void unknownSizeHeaderFailsNamingTheValidSizes() {
        Exchange exchange = template.request("direct:thumbnail", e -> {
            e.getMessage().setBody(SIZED_REF);
            e.getMessage().setHeader(PreservicaConstants.THUMBNAIL_SIZE, "huge");
        });

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge'").hasMessageContaining("small, medium and large");
    }
}
