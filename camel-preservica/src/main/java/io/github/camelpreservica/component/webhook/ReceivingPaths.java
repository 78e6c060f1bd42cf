package io.github.camelpreservica.component.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The paths the preservica-webhook consumers of one context receive on, with their limits, for an engine that must
 * act before platform-http reads the body: under Spring Boot, Camel's servlet binding reads the whole request into
 * memory before the route runs, so the starter's servlet filter looks the path up here and refuses what the consumer
 * would refuse (405, 413, 408) before the body is held.
 */
public final class ReceivingPaths extends ServiceSupport {

    private final Map<String, ReceivingPath> open = new ConcurrentHashMap<>();

    private ReceivingPaths() {
    }

    /** The instance of this context, registered as a context service on first use. */
    public static ReceivingPaths of(CamelContext context) {
        synchronized (context) {
            ReceivingPaths existing = context.hasService(ReceivingPaths.class);
            if (existing != null) {
                return existing;
            }
            ReceivingPaths created = new ReceivingPaths();
            try {
                context.addService(created, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot register the Preservica receiving paths with "
                        + context.getName(), e);
            }
            return created;
        }
    }

    /** The limits of the consumer receiving on this exact path, or null when none does. */
    public ReceivingPath lookup(String path) {
        return path == null ? null : open.get(path);
    }

    /**
     * Registers the consumer receiving on this path.
     *
     * @throws IllegalArgumentException when another consumer of this context already receives on it: platform-http
     *     would let both take the same requests, each verifying against its own secret
     */
    void open(String path, ReceivingPath limits, String endpoint) {
        ReceivingPath other = open.putIfAbsent(path, limits);
        if (other != null) {
            throw new IllegalArgumentException(endpoint + " cannot receive on path " + path + ": another "
                    + "preservica-webhook endpoint of this context already does. Give each endpoint its own path "
                    + "(the option webhookPath, or a webhookExternalUrl with a path of its own; a component-wide "
                    + "webhookExternalUrl gives every endpoint the same one)");
        }
    }

    void close(String path, ReceivingPath limits) {
        open.remove(path, limits);
    }

    @Override
    protected void doStop() {
        open.clear();
    }
}
