package org.apache.camel.component.preservica.client;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Client for Preservica's REST API: login and token refresh, webhook subscriptions, assets and thumbnails.
 * Thread-safe; one instance may be shared by many routes.
 */
public final class PreservicaClient implements AutoCloseable {

    private final PreservicaClientConfig config;

    public PreservicaClient(PreservicaClientConfig config) {
        this.config = config;
    }

    public PreservicaClientConfig config() {
        return config;
    }

    /** The server's version, e.g. {@code 7.0.0}. */
    public String serverVersion() {
        throw new UnsupportedOperationException("work in progress");
    }

    /** The roles of the logged-in user. */
    public List<String> roles() {
        throw new UnsupportedOperationException("work in progress");
    }

    /** @throws PreservicaAccessDeniedException if the user has none of the roles the webhook API needs */
    public void requireWebhookRole() {
        throw new UnsupportedOperationException("work in progress");
    }

    public List<Subscription> listSubscriptions() {
        throw new UnsupportedOperationException("work in progress");
    }

    /** Subscribes with {@code includeIdentifiers} set. */
    public Subscription subscribe(String url, TriggerType trigger, String secret) {
        return subscribe(url, trigger, secret, true);
    }

    /** @throws PreservicaChallengeFailedException if Preservica refused because the challenge failed */
    public Subscription subscribe(String url, TriggerType trigger, String secret, boolean includeIdentifiers) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** @throws PreservicaNotFoundException if there is no subscription with this id */
    public void unsubscribe(String id) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** Removes every subscription of this user and returns their ids. */
    public List<String> unsubscribeAll() {
        throw new UnsupportedOperationException("work in progress");
    }

    /** @throws PreservicaNotFoundException if there is no asset with this reference */
    public Asset getAsset(String ref) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** The thumbnail, or empty when the entity has none. */
    public Optional<Thumbnail> getThumbnail(EntityType type, String ref, ThumbnailSize size) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** Streaming variant of {@link #getThumbnail}: the caller closes the stream. */
    public Optional<InputStream> openThumbnail(EntityType type, String ref, ThumbnailSize size) {
        throw new UnsupportedOperationException("work in progress");
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "PreservicaClient[" + config + "]";
    }
}
