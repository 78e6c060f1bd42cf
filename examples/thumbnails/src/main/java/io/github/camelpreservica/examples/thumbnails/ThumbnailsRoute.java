package io.github.camelpreservica.examples.thumbnails;

import org.apache.camel.builder.RouteBuilder;

/**
 * On every event for an asset, fetches the asset and writes its large thumbnail to {@code <thumbnails.dir>/<ref>.jpg}.
 * {@code camel/thumbnails.camel.yaml} is the same route in the YAML DSL; {@code thumbnails.dsl} picks which runs.
 * <p>
 * The webhook consumer puts the asset reference in the header CamelPreservicaEntityRef, which both preservica
 * endpoints read, so the event flows straight through.
 */
public class ThumbnailsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("preservica-webhook:thumbnails").routeId("thumbnails-java")
                // folders (SO) are indexed too; only assets are wanted here
                .filter(header("CamelPreservicaEntityType").isEqualTo("IO"))
                .to("preservica:asset")
                .log("Asset ${body.ref} indexed: ${body.title}")
                .to("preservica:thumbnail?size=large")
                .choice()
                .when(header("CamelPreservicaThumbnailFound"))
                // written under a dot-name first, then renamed: a reader never sees half a file
                .to("file:{{thumbnails.dir}}?fileName=${header.CamelPreservicaEntityRef}.jpg&tempPrefix=.")
                .log("Wrote {{thumbnails.dir}}/${header.CamelPreservicaEntityRef}.jpg (${header.Content-Type})")
                .otherwise()
                .log("Asset ${header.CamelPreservicaEntityRef} has no thumbnail")
                .end();
    }
}
