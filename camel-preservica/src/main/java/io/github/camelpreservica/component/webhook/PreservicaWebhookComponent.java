package io.github.camelpreservica.component.webhook;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelpreservica.client.CredentialKey;
import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.component.PreservicaClients;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates preservica-webhook endpoints. Endpoints that reach the same server as the same user share one logged-in
 * {@link PreservicaClient}, with each other and with the preservica component ({@link PreservicaClients}).
 */
@Component("preservica-webhook")
public class PreservicaWebhookComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PreservicaWebhookComponent.class);

    @Metadata
    private PreservicaWebhookConfiguration configuration = new PreservicaWebhookConfiguration();

    // null: the standard lookup (environment, then credentials.properties), whose clients the preservica component shares
    private CredentialResolver credentialResolver;

    private final AtomicBoolean requestHeadTimeoutChecked = new AtomicBoolean();

    static {
        // Camel masks password and secret in logged URIs by itself, but not this name
        URISupport.addSanitizeKeywords("twoFactorSeed");
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException(
                    "A preservica-webhook endpoint needs a name, e.g. preservica-webhook:indexed?trigger=INDEXED");
        }
        PreservicaWebhookEndpoint endpoint = new PreservicaWebhookEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * Warns, once for the context, when deliveries are received by Camel's plain Vert.x platform-http server, which
     * lets a client take as long as it likes over its request head. Called only when the engine is Vert.x.
     */
    void warnIfRequestHeadsAreUnlimited() {
        if (requestHeadTimeoutChecked.compareAndSet(false, true)
                && HeaderTimeoutVertxPlatformHttpServer.servedWithoutHeaderTimeout(getCamelContext())) {
            LOG.warn("The platform-http server puts no time limit on request heads: a client that sends its headers "
                    + "slowly holds a connection as long as it likes. Use HeaderTimeoutVertxPlatformHttpServer (under "
                    + "Camel Main, HeaderTimeoutMainHttpServerFactory) or a reverse proxy with a header timeout: see "
                    + "'Slow clients' in the user guide");
        }
    }

    /**
     * The client for the endpoint's server and user, logged in lazily and shared with the other endpoints that use
     * the same settings.
     *
     * @throws IllegalArgumentException naming what is missing (server, username or password) and where to set it
     */
    public PreservicaClient clientFor(PreservicaWebhookConfiguration config) {
        PreservicaClients clients = PreservicaClients.of(getCamelContext());
        return credentialResolver == null
                ? clients.clientFor(config.toConnection())
                : clients.clientFor(config.toConnection(), credentialResolver);
    }

    /**
     * The webhook secret of the endpoint: the option, else the environment variable or credentials.properties.
     *
     * @throws IllegalArgumentException naming the option and the places searched, never a value
     */
    public String resolveSecret(PreservicaWebhookConfiguration config) {
        return getCredentialResolver().resolve(CredentialKey.WEBHOOK_SECRET, config.getSecret())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No Preservica webhook secret: set the option 'secret' of the preservica-webhook endpoint or "
                                + "component, the environment variable "
                                + CredentialKey.WEBHOOK_SECRET.environmentVariable()
                                + " or '" + CredentialKey.WEBHOOK_SECRET.propertyKey()
                                + "' in credentials.properties"));
    }

    public PreservicaWebhookConfiguration getConfiguration() {
        return configuration;
    }

    /** The option values every endpoint of this component starts from. */
    public void setConfiguration(PreservicaWebhookConfiguration configuration) {
        this.configuration = configuration;
    }

    CredentialResolver getCredentialResolver() {
        return credentialResolver == null ? CredentialResolver.standard() : credentialResolver;
    }

    /** Where values not given as options are looked up; tests replace the environment and working directory. */
    void setCredentialResolver(CredentialResolver credentialResolver) {
        this.credentialResolver = credentialResolver;
    }
}
