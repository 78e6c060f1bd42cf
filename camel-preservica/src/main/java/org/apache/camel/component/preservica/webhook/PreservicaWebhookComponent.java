package org.apache.camel.component.preservica.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.component.preservica.client.CredentialKey;
import org.apache.camel.component.preservica.client.CredentialResolver;
import org.apache.camel.component.preservica.client.PreservicaClient;
import org.apache.camel.component.preservica.client.PreservicaClientConfig;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates preservica-webhook endpoints, and shares one logged-in {@link PreservicaClient} between the endpoints that
 * reach the same server as the same user.
 */
@Component("preservica-webhook")
public class PreservicaWebhookComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(PreservicaWebhookComponent.class);

    @Metadata
    private PreservicaWebhookConfiguration configuration = new PreservicaWebhookConfiguration();

    private final Map<ConnectionKey, PreservicaClient> clients = new ConcurrentHashMap<>();
    private CredentialResolver credentialResolver = CredentialResolver.standard();

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
     * The client for the endpoint's server and user, logged in lazily and shared with the other endpoints that use
     * the same settings.
     *
     * @throws IllegalArgumentException naming what is missing (server, username or password) and where to set it
     */
    public PreservicaClient clientFor(PreservicaWebhookConfiguration config) {
        ConnectionKey key = new ConnectionKey(config.getServer(), config.getUsername(), config.getPassword(),
                config.getTenant(), config.getTwoFactorSeed(), config.getConnectTimeout(), config.getReadTimeout());
        return clients.computeIfAbsent(key, k -> {
            PreservicaClientConfig clientConfig = PreservicaClientConfig
                    .fromResolver(credentialResolver, k.server, k.username, k.password, k.tenant, k.twoFactorSeed)
                    .connectTimeout(Duration.ofMillis(k.connectTimeout))
                    .readTimeout(Duration.ofMillis(k.readTimeout))
                    .build();
            LOG.debug("Created Preservica client {}", clientConfig);
            return new PreservicaClient(clientConfig);
        });
    }

    /**
     * The webhook secret of the endpoint: the option, else the environment variable or credentials.properties.
     *
     * @throws IllegalArgumentException naming the option and the places searched, never a value
     */
    public String resolveSecret(PreservicaWebhookConfiguration config) {
        return credentialResolver.resolve(CredentialKey.WEBHOOK_SECRET, config.getSecret())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No Preservica webhook secret: set the option 'secret' of the preservica-webhook endpoint or "
                                                                + "component, the environment variable "
                                                                + CredentialKey.WEBHOOK_SECRET.environmentVariable()
                                                                + " or '" + CredentialKey.WEBHOOK_SECRET.propertyKey()
                                                                + "' in credentials.properties"));
    }

    @Override
    protected void doStop() throws Exception {
        for (PreservicaClient client : clients.values()) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Ignoring failure closing {}: {}", client, e.getMessage());
            }
        }
        clients.clear();
        super.doStop();
    }

    public PreservicaWebhookConfiguration getConfiguration() {
        return configuration;
    }

    /** The option values every endpoint of this component starts from. */
    public void setConfiguration(PreservicaWebhookConfiguration configuration) {
        this.configuration = configuration;
    }

    CredentialResolver getCredentialResolver() {
        return credentialResolver;
    }

    /** Where values not given as options are looked up; tests replace the environment and working directory. */
    void setCredentialResolver(CredentialResolver credentialResolver) {
        this.credentialResolver = credentialResolver;
    }

    /** The settings that make two endpoints able to share a client. Holds secrets, so it never prints them. */
    private record ConnectionKey(String server, String username, String password, String tenant,
            String twoFactorSeed, long connectTimeout, long readTimeout) {
        @Override
        public String toString() {
            return "ConnectionKey[server=" + server + ", username=" + username + ", tenant=" + tenant + "]";
        }
    }
}
