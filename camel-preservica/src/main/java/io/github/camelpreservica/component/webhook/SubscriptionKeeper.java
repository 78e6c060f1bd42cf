package io.github.camelpreservica.component.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.TriggerType;
import io.github.camelpreservica.component.health.SubscriptionState;
import org.apache.camel.CamelContext;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's subscription side: makes sure each trigger has exactly one subscription for the receiver URL, made
 * with the current secret (see {@link SubscriptionManager}), once the HTTP server accepts connections, whenever that
 * is; retries in the background; takes part in a leader election when the consumer is one of several replicas; says
 * where the subscriptions stand; and on stop removes its subscriptions. The HTTP side is
 * {@link PreservicaWebhookConsumer} and {@link WebhookRequestHandler}; the consumer opens its path before calling
 * {@link #start}, since Preservica sends its challenge while the subscribe call is still open.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);
    // how long start waits for a server that reports its port to accept connections: Camel Main, Spring Boot and a
    // plain CamelContext already listen when routes start; a port reported but not listening is a server that starts
    // later (Camel Quarkus reports its build-time port), for which waiting here only delays the start
    static final long SERVER_ACCEPT_WAIT_MILLIS = 250;
    // the back-off while the HTTP server may not listen yet (Camel Quarkus starts routes first): short first delays
    static final long SERVER_WAIT_FIRST_DELAY_MILLIS = 500;
    static final long SERVER_WAIT_MAX_DELAY_MILLIS = 30_000;
    // attempts at the first delay before backing off: a server starting after the routes (Quarkus) listens within
    // seconds, and each second of back-off beyond that is start-up time (docs/benchmarks.md, start-up)
    static final int SERVER_WAIT_STEADY_ATTEMPTS = 20;
    // failures in a row logged at INFO while the server may not listen yet; from then on WARN, and the state FAILED
    static final int SERVER_WAIT_QUIET_FAILURES = 10;

    private final CamelContext camelContext;
    private final PreservicaWebhookConfiguration config;
    private final String endpointName;
    private final PreservicaClient client;
    private final String webhookUrl;
    private final List<TriggerType> triggers;
    private final String secret;
    // open while a subscribe call is in flight: Preservica challenges the URL during it
    private final ChallengeWindow challenges;
    // the consumer's isRunAllowed: a retry or an election event after the stop began does nothing
    private final BooleanSupplier running;

    private volatile SubscriptionManager subscriptions;
    private volatile Throwable lastError;
    private volatile int failuresInARow;
    // failures in a row before one is a WARN and the state FAILED: 1 when the server is known to listen
    private volatile int quietFailures = 1;
    private volatile boolean stopped;
    // the back-off of background attempts: subscribeRetryDelay/MaxDelay, or the shorter one while the server may not
    // listen yet
    private long firstRetryDelay;
    private long maxRetryDelay;
    private int steadyAttempts;
    private ScheduledExecutorService retryExecutor;
    private SubscriptionLeadership leadership;

    SubscriptionKeeper(CamelContext camelContext, PreservicaWebhookConfiguration config, String endpointName,
            PreservicaClient client, String webhookUrl, List<TriggerType> triggers, String secret,
            ChallengeWindow challenges, BooleanSupplier running) {
        this.camelContext = camelContext;
        this.config = config;
        this.endpointName = endpointName;
        this.client = client;
        this.webhookUrl = webhookUrl;
        this.triggers = List.copyOf(triggers);
        this.secret = secret;
        this.challenges = challenges;
        this.running = running;
    }

    /** Whether the configuration makes the consumer one of several replicas, of which one manages the subscriptions. */
    static boolean isClustered(PreservicaWebhookConfiguration config) {
        return config.getClusterService() != null || ObjectHelper.isNotEmpty(config.getClusterNamespace());
    }

    /**
     * Subscribes (or joins the election, when clustered). When the HTTP server is shown to accept connections, the
     * first attempt is made here, and its failure fails the start naming the cause, unless retrySubscribeInBackground
     * is set. When it is not (no port reported, or not listening yet), every attempt is made in the background.
     */
    void start() throws Exception {
        String notAccepting = LocalHttpServer.whyNotAccepting(camelContext, SERVER_ACCEPT_WAIT_MILLIS);
        if (notAccepting == null) {
            firstRetryDelay = Math.max(1, config.getSubscribeRetryDelay());
            maxRetryDelay = Math.max(firstRetryDelay, config.getSubscribeRetryMaxDelay());
        } else {
            quietFailures = SERVER_WAIT_QUIET_FAILURES;
            firstRetryDelay = SERVER_WAIT_FIRST_DELAY_MILLIS;
            maxRetryDelay = SERVER_WAIT_MAX_DELAY_MILLIS;
            steadyAttempts = SERVER_WAIT_STEADY_ATTEMPTS;
        }
        if (isClustered(config)) {
            joinElection();
            return;
        }
        subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret,
                config.isReuseExistingSubscription());
        if (notAccepting != null) {
            LOG.info("preservica-webhook:{} will subscribe {} once the HTTP server accepts connections ({}): "
                    + "receiving already, first attempt in {} ms", endpointName, webhookUrl, notAccepting,
                    firstRetryDelay);
            retryExecutor = newRetryExecutor();
            scheduleRetry(firstRetryDelay);
            return;
        }
        try {
            subscribe(subscriptions);
            recordSuccess();
            LOG.info("Preservica subscriptions for {} are in place: {}", webhookUrl, subscriptions.subscriptionIds());
        } catch (RuntimeException e) {
            recordFailure(e);
            String problem = lastError.getMessage();
            if (!config.isRetrySubscribeInBackground()) {
                throw new IllegalStateException(problem, e);
            }
            LOG.warn("{}; receiving anyway, retrying in the background in {} ms", problem, firstRetryDelay);
            retryExecutor = newRetryExecutor();
            scheduleRetry(firstRetryDelay);
        }
    }

    /** Subscribes with the challenge window open (challengeOnlyWhileSubscribing). */
    private void subscribe(SubscriptionManager manager) {
        challenges.whileSubscribing(manager::ensureSubscribed);
    }

    /**
     * Keeps the failure with a message naming URL, triggers, server and user (never a secret) for the health details.
     */
    private void recordFailure(RuntimeException e) {
        lastError = new IllegalStateException(describeSubscribeFailure(e), e);
        failuresInARow++;
    }

    private void recordSuccess() {
        lastError = null;
        failuresInARow = 0;
    }

    /** Logs a failed background attempt: at INFO while the HTTP server may simply not listen yet, then at WARN. */
    private void logRetry(RuntimeException e, long nextDelay) {
        if (failuresInARow < quietFailures) {
            LOG.info("preservica-webhook:{} is waiting for the HTTP server to accept Preservica's challenge ({}); "
                    + "retrying in {} ms", endpointName, e.getMessage(), nextDelay);
        } else {
            LOG.warn("{}; retrying in {} ms", describeSubscribeFailure(e), nextDelay);
        }
    }

    private ScheduledExecutorService newRetryExecutor() {
        return camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "PreservicaWebhookSubscribe");
    }

    /**
     * Replicas: every one receives, the elected one alone makes sure the subscriptions exist (replacing those a
     * previous leader made), and none removes them on stop. Election events are handled on the retry thread, in order.
     */
    private void joinElection() throws Exception {
        String namespace = ObjectHelper.isNotEmpty(config.getClusterNamespace())
                ? config.getClusterNamespace()
                : "preservica-webhook-" + endpointName;
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
            subscribe(subscriptions);
            recordSuccess();
            LOG.info("Preservica subscriptions for {} are in place: {}", webhookUrl, subscriptions.subscriptionIds());
        } catch (RuntimeException e) {
            recordFailure(e);
            logRetry(e, firstRetryDelay);
            scheduleRetry(firstRetryDelay);
        }
    }

    private void stopManaging(String namespace) {
        if (subscriptions != null) {
            LOG.info("No longer the leader in '{}': leaving the Preservica subscriptions of {} to the next one",
                    namespace, webhookUrl);
            // dropped, never removed: the other replicas still serve them; this also ends any pending retry
            subscriptions = null;
            recordSuccess();
        }
    }

    private void scheduleRetry(long delayMillis) {
        retryExecutor.schedule(() -> {
            SubscriptionManager current = subscriptions;
            if (!running.getAsBoolean() || current == null) {
                return;
            }
            try {
                subscribe(current);
                recordSuccess();
                LOG.info("Preservica subscriptions for {} are now in place: {}", webhookUrl,
                        current.subscriptionIds());
            } catch (RuntimeException e) {
                recordFailure(e);
                long next = failuresInARow < steadyAttempts
                        ? delayMillis
                        : Math.min(delayMillis * 2, Math.max(delayMillis, maxRetryDelay));
                logRetry(e, next);
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
     * Leaves the election, ends the retries, and removes this consumer's subscriptions (unless unsubscribeOnStop is off
     * or it is a replica: the others still serve them). Safe after a partial start and twice.
     */
    void stop() {
        stopped = true;
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
            List<String> leftBehind = current.removeSubscriptions();
            if (!leftBehind.isEmpty()) {
                LOG.warn("Preservica subscriptions {} of {} are left behind: remove them with the producer's "
                        + "unsubscribe operation or in Preservica", leftBehind, current.url());
            }
        }
    }

    /** Where the subscriptions stand. */
    SubscriptionState state() {
        if (stopped) {
            return SubscriptionState.DISABLED;
        }
        if (!isLeader()) {
            return SubscriptionState.NOT_LEADER;
        }
        SubscriptionManager current = managed();
        if (current != null && current.isComplete()) {
            return SubscriptionState.SUBSCRIBED;
        }
        return lastError != null && failuresInARow >= quietFailures
                ? SubscriptionState.FAILED
                : SubscriptionState.PENDING;
    }

    /**
     * The subscriptions this consumer manages now: none while another replica leads (a cluster service may release
     * the lock without telling its listeners, so the election is asked rather than remembered).
     */
    private SubscriptionManager managed() {
        SubscriptionLeadership election = leadership;
        return election == null || election.isLeader() ? subscriptions : null;
    }

    /** The last failure, while the subscriptions are not in place. */
    Throwable lastError() {
        return state() == SubscriptionState.SUBSCRIBED ? null : lastError;
    }

    List<String> subscriptionIds() {
        SubscriptionManager current = managed();
        return current == null ? List.of() : current.subscriptionIds();
    }

    /** The subscription ids a delivery may carry: ours, and the older ones for our URL and triggers we replaced. */
    List<String> acceptedSubscriptionIds() {
        SubscriptionManager current = managed();
        if (current == null) {
            return List.of();
        }
        List<String> accepted = new ArrayList<>(current.subscriptionIds());
        accepted.addAll(current.replacedIds());
        return accepted;
    }

    /**
     * Whether this consumer manages the subscriptions, and so also runs the catch-up rounds: always, unless another
     * replica leads.
     */
    boolean isLeader() {
        SubscriptionLeadership current = leadership;
        return current == null || current.isLeader();
    }
}
