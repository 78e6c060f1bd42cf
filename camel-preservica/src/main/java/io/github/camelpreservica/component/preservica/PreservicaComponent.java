package io.github.camelpreservica.component.preservica;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code preservica} component: Entity API calls (asset, folder, thumbnail) for routes reacting to Preservica
 * events.
 */
@Component("preservica")
public class PreservicaComponent extends DefaultComponent {

    @Metadata
    private PreservicaConfiguration configuration = new PreservicaConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PreservicaOperation operation = PreservicaOperation.fromName(remaining);
        PreservicaEndpoint endpoint = new PreservicaEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public PreservicaConfiguration getConfiguration() {
        return configuration;
    }

    /** Defaults for every preservica endpoint: connection, timeouts, thumbnail size and entity type. */
    public void setConfiguration(PreservicaConfiguration configuration) {
        this.configuration = configuration;
    }
}
