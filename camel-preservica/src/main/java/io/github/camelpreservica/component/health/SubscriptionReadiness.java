package io.github.camelpreservica.component.health;

import java.util.List;
import java.util.Map;

/** What a webhook receiver tells its readiness check: whether it can receive, and if not, why. */
public interface SubscriptionReadiness {

    /** Whether the receiving path is open and every subscription is in place. */
    boolean isReady();

    /** Why the receiver is not ready, naming the cause; null when ready. */
    String notReadyReason();

    /** The last error met while subscribing, if any. */
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
