package io.github.camelpreservica.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.PreservicaClientConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Preservica clients of one CamelContext, one per connection, shared by the {@code preservica} and
 * {@code preservica-webhook} components so that routes talking to the same server with the same user share one
 * login. Registered with the context as a service: every client is closed when the context stops.
 */
public final class PreservicaClients extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PreservicaClients.class);

    private final Map<Key, PreservicaClient> clients = new ConcurrentHashMap<>();
    private final CredentialResolver standardResolver;

    PreservicaClients(CredentialResolver standardResolver) {
        this.standardResolver = Objects.requireNonNull(standardResolver, "standardResolver");
    }

    /** The instance of this context, created and registered as a context service on first use. */
    public static PreservicaClients of(CamelContext context) {
        // the context is the natural lock: two components of one context may start in parallel
        synchronized (context) {
            PreservicaClients existing = context.hasService(PreservicaClients.class);
            if (existing != null) {
                return existing;
            }
            PreservicaClients created = new PreservicaClients(CredentialResolver.standard());
            try {
                context.addService(created, true, true);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Cannot register the shared Preservica clients with " + context.getName(), e);
            }
            return created;
        }
    }

    /**
     * The client for this connection, created on first use. Values left unset are looked up in the environment and
     * in {@code credentials.properties} when the client is created.
     *
     * @throws IllegalArgumentException when the server, user name or password is found nowhere
     */
    public PreservicaClient clientFor(Connection connection) {
        return clientFor(connection, standardResolver);
    }

    /**
     * As {@link #clientFor(Connection)}, looking unset values up with the given resolver (tests isolate themselves
     * from the environment this way). Clients are shared per connection and resolver instance.
     */
    public PreservicaClient clientFor(Connection connection, CredentialResolver resolver) {
        return clients.computeIfAbsent(new Key(connection, resolver), PreservicaClients::createClient);
    }

    private static PreservicaClient createClient(Key key) {
        Connection connection = key.connection();
        PreservicaClientConfig config = PreservicaClientConfig
                .fromResolver(key.resolver(), connection.server(), connection.username(), connection.password(),
                        connection.tenant(), connection.twoFactorSeed())
                .connectTimeout(connection.connectTimeout())
                .readTimeout(connection.readTimeout())
                .build();
        LOG.debug("Creating Preservica client for {}", config);
        PlainHttpWarning.warnIfPlainHttp("server", config.baseUri().toString(), "the Preservica connection");
        return new PreservicaClient(config);
    }

    @Override
    protected void doStop() throws Exception {
        List<PreservicaClient> open = new ArrayList<>(clients.values());
        clients.clear();
        for (PreservicaClient client : open) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing {} failed: {}", client, e.getMessage());
            }
        }
        super.doStop();
    }

    // a resolver has identity equality: the same instance finds the same values
    private record Key(Connection connection, CredentialResolver resolver) {
        Key {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(resolver, "resolver");
        }
    }

    /**
     * How to reach and log in to one Preservica server, as the user configured it (before environment lookup). The
     * cache key of {@link #clientFor}; {@link #toString()} hides the password and the two-factor seed.
     */
    public record Connection(
                             String server, String username, String password, String tenant, String twoFactorSeed,
                             Duration connectTimeout, Duration readTimeout) {

        public Connection {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
        }

        @Override
        public String toString() {
            return "Connection[server=" + server + ", username=" + username + ", tenant=" + tenant
                    + ", password=" + (password == null ? "unset" : "***")
                    + ", twoFactorSeed=" + (twoFactorSeed == null ? "unset" : "***")
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }
}
