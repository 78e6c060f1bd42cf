package io.github.camelpreservica.component.webhook;

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
 * Receive Preservica webhook events: subscribes to Preservica's WebHook API, answers its challenge, verifies each
 * signed delivery and routes its events. As a producer, lists and manages the subscriptions.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "preservica-webhook", title = "Preservica Webhook",
             syntax = "preservica-webhook:name", category = { Category.DOCUMENT, Category.CLOUD },
             headersClass = PreservicaWebhookConstants.class)
public class PreservicaWebhookEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this endpoint; it names the default receiving path /preservica/<name>.")
    @Metadata(required = true)
    private final String name;

    @UriParam
    private PreservicaWebhookConfiguration configuration;

    public PreservicaWebhookEndpoint(String uri, PreservicaWebhookComponent component, String name,
            PreservicaWebhookConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
    }

    @Override
    public PreservicaWebhookComponent getComponent() {
        return (PreservicaWebhookComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PreservicaWebhookConsumer consumer = new PreservicaWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        return new PreservicaWebhookProducer(this);
    }

    public String getName() {
        return name;
    }

    public PreservicaWebhookConfiguration getConfiguration() {
        return configuration;
    }

    /** All the options of this endpoint. */
    public void setConfiguration(PreservicaWebhookConfiguration configuration) {
        this.configuration = configuration;
    }
}
