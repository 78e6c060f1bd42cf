package io.github.camelpreservica.component.preservica;

import org.apache.camel.spi.Metadata;

/** Headers the {@code preservica} component reads and sets. */
public final class PreservicaConstants {

    /**
     * Same name as the webhook consumer's header, so an event can flow straight into a {@code preservica:} endpoint.
     */
    @Metadata(description = "The reference of the asset or folder to fetch. When absent, the body is the reference.",
              javaType = "String")
    public static final String ENTITY_REF = "CamelPreservicaEntityRef";

    @Metadata(description = "For thumbnail: whose thumbnail it is, IO (asset) or SO (folder). Overrides the entityType option.",
              javaType = "String")
    public static final String ENTITY_TYPE = "CamelPreservicaEntityType";

    @Metadata(description = "For thumbnail: small, medium or large. Overrides the size option.", javaType = "String")
    public static final String THUMBNAIL_SIZE = "CamelPreservicaThumbnailSize";

    @Metadata(description = "Set by thumbnail: true when Preservica had a thumbnail, false when it had none "
            + "(the body is then empty).",
              javaType = "boolean")
    public static final String THUMBNAIL_FOUND = "CamelPreservicaThumbnailFound";

    @Metadata(description = "Set by thumbnail: the image's content type as Preservica served it.", javaType = "String")
    public static final String CONTENT_TYPE = org.apache.camel.Exchange.CONTENT_TYPE;

    private PreservicaConstants() {
    }
}
