package io.github.camelpreservica.component.health;

import java.util.List;
import java.util.Map;

/**
 * What a webhook receiver tells its readiness check: whether it can receive (and so answer Preservica's challenge),
 * and, as details, where its subscriptions stand and whether deliveries pass the signature check.
 */
public interface SubscriptionReadiness {

    /** Whether the receiving path is open. */
    boolean isReady();

    /** Why the receiver is not ready, naming the cause; null when ready. */
    String notReadyReason();

    /** Where the subscriptions stand. */
    SubscriptionState subscriptionState();

    /** Deliveries refused for a wrong signature since the last correctly signed one. */
    long consecutiveSignatureMismatches();

    /** The last error met while subscribing, if the subscriptions are not in place; else null. */
    Throwable lastError();

    /** The subscription ids in place. */
    List<String> subscriptionIds();

    /** The URL Preservica calls; null before it is known. */
    String webhookUrl();

    /** The catch-up checkpoint, the last round and how far behind it is, as health details; empty without catch-up. */
    default Map<String, Object> catchUpDetails() {
        return Map.of();
    }
}
