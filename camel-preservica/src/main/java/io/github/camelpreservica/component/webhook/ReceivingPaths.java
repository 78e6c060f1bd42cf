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

    void open(String path, ReceivingPath limits) {
        open.put(path, limits);
    }

    void close(String path, ReceivingPath limits) {
        open.remove(path, limits);
    }

    @Override
    protected void doStop() {
        open.clear();
    }
}
