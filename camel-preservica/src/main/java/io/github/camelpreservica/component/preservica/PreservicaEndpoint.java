package io.github.camelpreservica.component.preservica;

import io.github.camelpreservica.client.EntityType;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.ThumbnailSize;
import io.github.camelpreservica.component.PreservicaClients;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Fetch assets and thumbnails from Preservica's Entity API, typically after a preservica-webhook event.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "preservica", title = "Preservica", syntax = "preservica:operation",
             producerOnly = true, category = { Category.CLOUD, Category.FILE },
             headersClass = PreservicaConstants.class)
public class PreservicaEndpoint extends DefaultEndpoint {

    @UriPath(enums = "asset,folder,thumbnail",
             description = "What to fetch: asset or folder (its descriptive fields) or thumbnail (its image bytes)")
    @Metadata(required = true)
    private PreservicaOperation operation;

    @UriParam
    private PreservicaConfiguration configuration;

    private PreservicaClient client;

    public PreservicaEndpoint(String uri, PreservicaComponent component, PreservicaOperation operation,
            PreservicaConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new PreservicaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "The preservica component only sends requests; use preservica-webhook to receive events");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // fail at route start, naming the option, rather than on the first message
        ThumbnailSize.fromString(configuration.getSize());
        EntityType.fromString(configuration.getEntityType());
    }

    /** The shared client for this endpoint's connection, created (and its credentials looked up) on first use. */
    public synchronized PreservicaClient client() {
        if (client == null) {
            client = PreservicaClients.of(getCamelContext()).clientFor(configuration.toConnection());
        }
        return client;
    }

    public PreservicaOperation getOperation() {
        return operation;
    }

    /** What to fetch: asset, folder or thumbnail. */
    public void setOperation(PreservicaOperation operation) {
        this.operation = operation;
    }

    public PreservicaConfiguration getConfiguration() {
        return configuration;
    }

    /** The options of this endpoint. */
    public void setConfiguration(PreservicaConfiguration configuration) {
        this.configuration = configuration;
    }
}
