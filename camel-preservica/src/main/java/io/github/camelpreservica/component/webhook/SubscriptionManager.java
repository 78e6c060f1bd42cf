package io.github.camelpreservica.component.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.PreservicaException;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.client.Subscription;
import io.github.camelpreservica.client.TriggerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one Preservica subscription per trigger for one receiver URL. Each is made anew, never adopted: the
 * list call does not return secrets, so only a subscribe call, whose challenge Preservica signs with the current
 * secret, proves that deliveries will pass the signature check. Once a trigger's new subscription is in place, the
 * others for the same URL and trigger (a crashed run's, or one made with an old secret) are removed. Stopping removes
 * the subscriptions this manager made, and only those: a newer process on the same URL (a rolling update) keeps its
 * own. Thread-safe: the consumer's start, a background retry and the stop may call it from different threads.
 */
public class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    private final PreservicaClient client;
    private final String url;
    private final List<TriggerType> triggers;
    private final String secret;
    private final boolean replaceExisting;

    private final Map<TriggerType, String> active = new LinkedHashMap<>();
    private final Set<String> replaced = new LinkedHashSet<>();
    private boolean removed;

    /**
     * @param replaceExisting whether the other subscriptions for the same URL and trigger are removed once this
     *     manager's own is in place (reuseExistingSubscription); when false they are left alone
     */
    public SubscriptionManager(PreservicaClient client, String url, List<TriggerType> triggers, String secret,
            boolean replaceExisting) {
        this.client = client;
        this.url = url;
        this.triggers = List.copyOf(triggers);
        this.secret = secret;
        this.replaceExisting = replaceExisting;
    }

    /**
     * Makes sure every trigger has a subscription of this manager's for the URL, subscribing where it has none
     * (Preservica challenges the URL during that call, so the receiving path must already be open), then removes the
     * other subscriptions for the same URL and trigger. Triggers already in place from an earlier call are skipped, so
     * this can be called again after a partial failure.
     *
     * @throws PreservicaException when Preservica cannot be reached or refuses; triggers done so far stay recorded
     * @throws IllegalStateException after {@link #removeSubscriptions()}: a late retry must not subscribe a stopped
     *     route
     */
    public synchronized void ensureSubscribed() {
        if (removed) {
            throw new IllegalStateException("The subscriptions of " + url + " were removed: the receiver has stopped");
        }
        for (TriggerType trigger : triggers) {
            if (active.containsKey(trigger)) {
                continue;
            }
            Subscription subscription = client.subscribe(url, trigger, secret);
            active.put(trigger, subscription.id());
            LOG.debug("Subscribed {} to Preservica trigger {} (subscription {})", url, trigger, subscription.id());
            if (replaceExisting) {
                // at once, trigger by trigger: while two subscriptions exist, Preservica delivers each event twice
                removeOthers(trigger, subscription.id());
            }
        }
    }

    /**
     * Removes the subscriptions for the URL and trigger other than ours. A failure is logged, not thrown: ours is in
     * place, and the next start tries again.
     */
    private void removeOthers(TriggerType trigger, String ours) {
        try {
            for (Subscription other : client.listSubscriptions()) {
                if (url.equals(other.url()) && other.trigger().filter(trigger::equals).isPresent()
                        && !ours.equals(other.id())) {
                    unsubscribeQuietly(other.id());
                    replaced.add(other.id());
                    LOG.info("Replaced Preservica subscription {} for trigger {} at {} by {}", other.id(), trigger,
                            url, ours);
                }
            }
        } catch (PreservicaException e) {
            LOG.warn("Could not remove the older Preservica subscriptions for trigger {} at {} (each event may arrive "
                    + "twice, and those signed with an old secret are refused): {}", trigger, url, e.getMessage());
        }
    }

    private void unsubscribeQuietly(String id) {
        try {
            client.unsubscribe(id);
        } catch (PreservicaNotFoundException e) {
            LOG.debug("Preservica subscription {} was already gone", id);
        }
    }

    /**
     * Removes the subscriptions this manager made, and forgets them; afterwards it subscribes nothing more. One
     * already gone counts as removed; other failures are logged and left for the operator (or the next start, which
     * replaces them), so that a stop never hangs on an unreachable server.
     *
     * @return the ids that could not be removed
     */
    public synchronized List<String> removeSubscriptions() {
        removed = true;
        List<String> leftBehind = new ArrayList<>();
        for (String id : active.values()) {
            try {
                unsubscribeQuietly(id);
                LOG.debug("Removed Preservica subscription {} of {}", id, url);
            } catch (PreservicaException e) {
                leftBehind.add(id);
                LOG.warn("Could not remove Preservica subscription {} of {}: {}", id, url, e.getMessage());
            }
        }
        active.clear();
        return leftBehind;
    }

    /** Whether every trigger has a subscription in place. */
    public synchronized boolean isComplete() {
        return active.size() == triggers.size();
    }

    /** The subscription ids in place, in trigger order. */
    /**
     * The ids of the older subscriptions for the same URL and triggers that this manager replaced: a delivery
     * Preservica
     * had already sent for one of them may still arrive, and it is ours (same URL, same trigger).
     */
    public synchronized List<String> replacedIds() {
        return List.copyOf(replaced);
    }

    public synchronized List<String> subscriptionIds() {
        return List.copyOf(active.values());
    }

    /** The triggers still without a subscription. */
    public synchronized List<TriggerType> missingTriggers() {
        return triggers.stream().filter(t -> !active.containsKey(t)).toList();
    }

    public String url() {
        return url;
    }

    public List<TriggerType> triggers() {
        return triggers;
    }
}
