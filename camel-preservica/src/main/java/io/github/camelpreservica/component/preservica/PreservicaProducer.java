package io.github.camelpreservica.component.preservica;

import java.util.Optional;

import io.github.camelpreservica.client.Asset;
import io.github.camelpreservica.client.EntityType;
import io.github.camelpreservica.client.Thumbnail;
import io.github.camelpreservica.client.ThumbnailSize;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls the Entity API for one exchange. Client exceptions propagate unchanged, so routes can catch
 * {@code PreservicaNotFoundException} and its siblings with onException or doTry.
 */
public class PreservicaProducer extends DefaultProducer {

    public PreservicaProducer(PreservicaEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PreservicaEndpoint getEndpoint() {
        return (PreservicaEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // resolves the credentials now, so a missing password stops the route from starting, naming where to set it
        getEndpoint().client();
    }

    @Override
    public void process(Exchange exchange) {
        switch (getEndpoint().getOperation()) {
            case asset -> fetchAsset(exchange.getMessage());
            case folder -> fetchFolder(exchange.getMessage());
            case thumbnail -> fetchThumbnail(exchange.getMessage());
            default -> throw new IllegalStateException("Unhandled operation " + getEndpoint().getOperation());
        }
    }

    private void fetchAsset(Message message) {
        Asset asset = getEndpoint().client().getAsset(entityRef(message));
        message.setBody(asset);
    }

    private void fetchFolder(Message message) {
        message.setBody(getEndpoint().client().getFolder(entityRef(message)));
    }

    private void fetchThumbnail(Message message) {
        String ref = entityRef(message);
        EntityType type = EntityType.fromString(headerOrDefault(message, PreservicaConstants.ENTITY_TYPE,
                getEndpoint().getConfiguration().getEntityType()));
        ThumbnailSize size = ThumbnailSize.fromString(headerOrDefault(message, PreservicaConstants.THUMBNAIL_SIZE,
                getEndpoint().getConfiguration().getSize()));
        Optional<Thumbnail> thumbnail = getEndpoint().client().getThumbnail(type, ref, size);
        message.setHeader(PreservicaConstants.THUMBNAIL_FOUND, thumbnail.isPresent());
        if (thumbnail.isPresent()) {
            message.setBody(thumbnail.get().content());
            message.setHeader(Exchange.CONTENT_TYPE, thumbnail.get().contentType());
        } else {
            // no thumbnail is a normal state of an entity, not a failure: the header tells the route
            message.setBody(null);
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
    }

    /** The header if set (as the webhook consumer does), else the body. */
    private static String entityRef(Message message) {
        String ref = message.getHeader(PreservicaConstants.ENTITY_REF, String.class);
        if (ref == null || ref.isBlank()) {
            ref = message.getBody(String.class);
        }
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("No Preservica entity reference: set the header "
                    + PreservicaConstants.ENTITY_REF + " or put the reference in the body");
        }
        return ref.trim();
    }

    private static String headerOrDefault(Message message, String header, String defaultValue) {
        // toString, not a type conversion: the webhook consumer may set an enum such as EntityType.IO
        Object value = message.getHeader(header);
        return value == null || value.toString().isBlank() ? defaultValue : value.toString();
    }
}
