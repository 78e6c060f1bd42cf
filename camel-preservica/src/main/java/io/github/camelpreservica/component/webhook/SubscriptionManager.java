package io.github.camelpreservica.component.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.PreservicaException;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.client.Subscription;
import io.github.camelpreservica.client.TriggerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Preservica subscription per trigger for one receiver URL, and remembers which of them it created, so
 * that stopping removes those and never a subscription someone else made. Thread-safe: the consumer's start, a
 * background retry and the stop may call it from different threads.
 */
public class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    private final PreservicaClient client;
    private final String url;
    private final List<TriggerType> triggers;
    private final String secret;
    private final boolean reuseExisting;

    private final Map<TriggerType, String> active = new LinkedHashMap<>();
    private final List<String> created = new ArrayList<>();
    private boolean removed;

    public SubscriptionManager(PreservicaClient client, String url, List<TriggerType> triggers, String secret,
                               boolean reuseExisting) {
        this.client = client;
        this.url = url;
        this.triggers = List.copyOf(triggers);
        this.secret = secret;
        this.reuseExisting = reuseExisting;
    }

    /**
     * Makes sure every trigger has a subscription for the URL: adopts a matching one if allowed, else subscribes
     * (Preservica challenges the URL during that call, so the receiving path must already be open). Triggers
     * already in place from an earlier call are skipped, so this can be called again after a partial failure.
     *
     * @throws PreservicaException   when Preservica cannot be reached or refuses; triggers done so far stay recorded
     * @throws IllegalStateException after {@link #removeCreated()}: a late retry must not subscribe a stopped route
     */
    public synchronized void ensureSubscribed() {
        if (removed) {
            throw new IllegalStateException("The subscriptions of " + url + " were removed: the receiver has stopped");
        }
        if (isComplete()) {
            return;
        }
        List<Subscription> existing = reuseExisting ? client.listSubscriptions() : List.of();
        for (TriggerType trigger : triggers) {
            if (active.containsKey(trigger)) {
                continue;
            }
            Optional<Subscription> match = existing.stream()
                    .filter(s -> url.equals(s.url()) && s.trigger().filter(trigger::equals).isPresent())
                    .findFirst();
            if (match.isPresent()) {
                active.put(trigger, match.get().id());
                LOG.info("Adopted existing Preservica subscription {} for trigger {} at {}", match.get().id(), trigger,
                        url);
            } else {
                Subscription subscription = client.subscribe(url, trigger, secret);
                active.put(trigger, subscription.id());
                created.add(subscription.id());
                LOG.debug("Subscribed {} to Preservica trigger {} (subscription {})", url, trigger, subscription.id());
            }
        }
    }

    /**
     * Removes the subscriptions this manager created, and forgets them; afterwards it subscribes nothing more. One
     * already gone counts as removed; other failures are logged and left for the operator, so that a stop never hangs
     * on an unreachable server.
     *
     * @return the ids that could not be removed
     */
    public synchronized List<String> removeCreated() {
        removed = true;
        List<String> leftBehind = new ArrayList<>();
        for (String id : created) {
            try {
                client.unsubscribe(id);
                LOG.debug("Removed Preservica subscription {} of {}", id, url);
            } catch (PreservicaNotFoundException e) {
                LOG.debug("Preservica subscription {} was already gone", id);
            } catch (PreservicaException e) {
                leftBehind.add(id);
                LOG.warn("Could not remove Preservica subscription {} of {}: {}", id, url, e.getMessage());
            }
        }
        active.values().removeAll(created);
        created.clear();
        return leftBehind;
    }

    /** Whether every trigger has a subscription in place. */
    public synchronized boolean isComplete() {
        return active.size() == triggers.size();
    }

    /** The subscription ids in place (created or adopted), in trigger order. */
    public synchronized List<String> subscriptionIds() {
        return List.copyOf(active.values());
    }

    /** The ids this manager created and would remove. */
    public synchronized List<String> createdIds() {
        return List.copyOf(created);
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
