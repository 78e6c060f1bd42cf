package io.github.camelpreservica.component.webhook;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.TriggerType;
import org.apache.camel.CamelContext;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's subscription side: makes sure each trigger has a subscription for the receiver URL (subscribing or
 * adopting one), retries in the background when asked to, takes part in a leader election when the consumer is one of
 * several replicas, says what is missing for readiness, and on stop removes the subscriptions it created. The HTTP side
 * is {@link PreservicaWebhookConsumer} and {@link WebhookRequestHandler}; the consumer opens its path before calling
 * {@link #start}, since Preservica sends its challenge while the subscribe call is still open.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

    private final CamelContext camelContext;
    private final PreservicaWebhookConfiguration config;
    private final String endpointName;
    private final PreservicaClient client;
    private final String webhookUrl;
    private final List<TriggerType> triggers;
    private final String secret;
    // the consumer's isRunAllowed: a retry or an election event after the stop began does nothing
    private final BooleanSupplier running;

    private volatile SubscriptionManager subscriptions;
    private volatile Throwable lastError;
    private ScheduledExecutorService retryExecutor;
    private SubscriptionLeadership leadership;

    SubscriptionKeeper(CamelContext camelContext, PreservicaWebhookConfiguration config, String endpointName,
                       PreservicaClient client, String webhookUrl, List<TriggerType> triggers, String secret,
                       BooleanSupplier running) {
        this.camelContext = camelContext;
        this.config = config;
        this.endpointName = endpointName;
        this.client = client;
        this.webhookUrl = webhookUrl;
        this.triggers = List.copyOf(triggers);
        this.secret = secret;
        this.running = running;
    }

    /** Whether the configuration makes the consumer one of several replicas, of which one manages the subscriptions. */
    static boolean isClustered(PreservicaWebhookConfiguration config) {
        return config.getClusterService() != null || ObjectHelper.isNotEmpty(config.getClusterNamespace());
    }

    /**
     * Subscribes (or joins the election, when clustered). Fails naming the cause when Preservica cannot be reached or
     * refuses, unless retrySubscribeInBackground is set.
     */
    void start() throws Exception {
        if (isClustered(config)) {
            joinElection();
            return;
        }
        subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret,
                config.isReuseExistingSubscription());
        try {
            subscriptions.ensureSubscribed();
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e;
            String problem = describeSubscribeFailure(e);
            if (!config.isRetrySubscribeInBackground()) {
                throw new IllegalStateException(problem, e);
            }
            LOG.warn("{}; receiving anyway, retrying in the background in {} ms", problem,
                    config.getSubscribeRetryDelay());
            retryExecutor = newRetryExecutor();
            scheduleRetry(Math.max(1, config.getSubscribeRetryDelay()));
        }
    }

    private ScheduledExecutorService newRetryExecutor() {
        return camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "PreservicaWebhookSubscribe");
    }

    /**
     * Replicas: every one receives, the elected one alone makes sure the subscriptions exist (adopting those a
     * previous leader made), and none removes them on stop. Election events are handled on the retry thread, in order.
     */
    private void joinElection() throws Exception {
        String namespace = ObjectHelper.isNotEmpty(config.getClusterNamespace())
                ? config.getClusterNamespace() : "preservica-webhook-" + endpointName;
        retryExecutor = newRetryExecutor();
        ScheduledExecutorService events = retryExecutor;
        leadership = SubscriptionLeadership.join(camelContext, config.getClusterService(), namespace,
                new SubscriptionLeadership.Listener() {
                    @Override
                    public void elected() {
                        events.execute(() -> subscribeAsLeader(namespace));
                    }

                    @Override
                    public void deposed() {
                        events.execute(() -> stopManaging(namespace));
                    }
                });
    }

    private void subscribeAsLeader(String namespace) {
        if (!running.getAsBoolean()) {
            return;
        }
        LOG.info("Elected in '{}' to manage the Preservica subscriptions of {}", namespace, webhookUrl);
        // a fresh manager each term: the subscriptions may have changed while another replica led
        subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret, true);
        try {
            subscriptions.ensureSubscribed();
            lastError = null;
            LOG.info("Preservica subscriptions for {} are in place: {}", webhookUrl, subscriptions.subscriptionIds());
        } catch (RuntimeException e) {
            lastError = e;
            LOG.warn("{}; retrying in {} ms", describeSubscribeFailure(e), config.getSubscribeRetryDelay());
            scheduleRetry(Math.max(1, config.getSubscribeRetryDelay()));
        }
    }

    private void stopManaging(String namespace) {
        if (subscriptions != null) {
            LOG.info("No longer the leader in '{}': leaving the Preservica subscriptions of {} to the next one",
                    namespace, webhookUrl);
            // dropped, never removed: the other replicas still serve them; this also ends any pending retry
            subscriptions = null;
            lastError = null;
        }
    }

    private void scheduleRetry(long delayMillis) {
        retryExecutor.schedule(() -> {
            SubscriptionManager current = subscriptions;
            if (!running.getAsBoolean() || current == null) {
                return;
            }
            try {
                current.ensureSubscribed();
                lastError = null;
                LOG.info("Preservica subscriptions for {} are now in place: {}", webhookUrl,
                        current.subscriptionIds());
            } catch (RuntimeException e) {
                lastError = e;
                long next = Math.min(delayMillis * 2, Math.max(delayMillis, config.getSubscribeRetryMaxDelay()));
                LOG.warn("{}; retrying in {} ms", describeSubscribeFailure(e), next);
                scheduleRetry(next);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private String describeSubscribeFailure(RuntimeException e) {
        SubscriptionManager current = subscriptions;
        return "preservica-webhook:" + endpointName + " could not subscribe " + webhookUrl + " to trigger(s) "
               + (current == null ? triggers : current.missingTriggers()) + " at Preservica "
               + client.config().baseUri() + " as user '" + client.config().username() + "': " + e.getMessage();
    }

    /**
     * Leaves the election, ends the retries, and removes the subscriptions this consumer created (unless
     * unsubscribeOnStop is off or it is a replica: the others still serve them). Safe after a partial start and twice.
     */
    void stop() {
        boolean clustered = leadership != null;
        if (leadership != null) {
            leadership.leave();
            leadership = null;
        }
        if (retryExecutor != null) {
            camelContext.getExecutorServiceManager().shutdownNow(retryExecutor);
            retryExecutor = null;
        }
        SubscriptionManager current = subscriptions;
        subscriptions = null;
        if (current != null && config.isUnsubscribeOnStop() && !clustered) {
            List<String> leftBehind = current.removeCreated();
            if (!leftBehind.isEmpty()) {
                LOG.warn("Preservica subscriptions {} of {} are left behind: remove them with the producer's "
                         + "unsubscribe operation or in Preservica", leftBehind, current.url());
            }
        }
    }

    /** Why the subscriptions are not ready, or null when they are (or another replica manages them). */
    String notReadyReason() {
        SubscriptionManager current = managed();
        SubscriptionLeadership election = leadership;
        if (current == null && election != null && election.isLeader()) {
            return "Elected in '" + election.namespace() + "' to manage the Preservica subscriptions of " + webhookUrl
                   + ", not yet in place";
        }
        if (current != null && !current.isComplete()) {
            Throwable error = lastError;
            return "Waiting for Preservica subscriptions of " + current.url() + " to trigger(s) "
                   + current.missingTriggers() + (error == null ? "" : "; last attempt failed: " + error.getMessage());
        }
        return null;
    }

    /**
     * The subscriptions this consumer manages now: none while another replica leads (a cluster service may release
     * the lock without telling its listeners, so the election is asked rather than remembered).
     */
    private SubscriptionManager managed() {
        SubscriptionLeadership election = leadership;
        return election == null || election.isLeader() ? subscriptions : null;
    }

    Throwable lastError() {
        return lastError;
    }

    List<String> subscriptionIds() {
        SubscriptionManager current = managed();
        return current == null ? List.of() : current.subscriptionIds();
    }

    /** Whether this consumer manages the subscriptions: always, unless another replica leads. */
    boolean isLeader() {
        SubscriptionLeadership current = leadership;
        return current == null || current.isLeader();
    }
}
