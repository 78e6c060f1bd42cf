package io.github.camelpreservica.component.webhook;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.TriggerType;
import io.github.camelpreservica.component.PlainHttpWarning;
import io.github.camelpreservica.delivery.DeliveryParser;
import io.github.camelpreservica.component.health.PreservicaWebhookHealthCheck;
import io.github.camelpreservica.component.health.SubscriptionReadiness;
import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Preservica webhook deliveries for one route.
 * <p>
 * Start: opens the receiving path on platform-http first (Preservica sends its challenge while the subscribe call is
 * still open), then makes sure each trigger has a subscription; when Preservica cannot be reached or refuses, the
 * start fails naming the cause, unless retrySubscribeInBackground is set. Stop: refuses new deliveries (503), waits
 * for those in flight, removes the subscriptions it created, then closes the path. The HTTP side is in
 * {@link WebhookRequestHandler}.
 */
@ManagedResource(description = "Managed Preservica webhook consumer")
public class PreservicaWebhookConsumer extends DefaultConsumer implements SubscriptionReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(PreservicaWebhookConsumer.class);
    private static final int DEFAULT_REMEMBERED_DELIVERIES = 10_000;

    private final PreservicaWebhookConfiguration config;
    private final WebhookStatistics statistics = new WebhookStatistics();
    private final InFlightGate gate = new InFlightGate();
    private ChallengeWindow challengeWindow;
    private ReceivingPath receivingPath;

    private String localPath;
    private volatile String webhookUrl;
    private IdempotentRepository seen;
    private boolean ownRepository;
    private Consumer httpConsumer;
    private Runnable stopReadingBodiesAhead;
    private volatile SubscriptionManager subscriptions;
    private volatile Throwable lastError;
    private ScheduledExecutorService retryExecutor;
    private SubscriptionLeadership leadership;

    public PreservicaWebhookConsumer(PreservicaWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public PreservicaWebhookEndpoint getEndpoint() {
        return (PreservicaWebhookEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PreservicaWebhookComponent component = getEndpoint().getComponent();
        // check every option before anything is opened, so a mistake costs no subscription
        List<TriggerType> triggers = config.isSubscribe() || ObjectHelper.isNotEmpty(config.getTrigger())
                ? TriggerType.parseList(config.getTrigger()) : List.of();
        if (config.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive (was " + config.getMaxBodySize() + ")");
        }
        String secret = component.resolveSecret(config);
        SecretStrength.check(secret, "preservica-webhook:" + getEndpoint().getName());
        WebhookSignatures signatures = new WebhookSignatures(secret);
        localPath = ReceiverAddress.localPath(config, getEndpoint().getName());

        seen = config.getIdempotentRepository();
        ownRepository = seen == null;
        if (ownRepository) {
            seen = new RecentDeliveries(DEFAULT_REMEMBERED_DELIVERIES);
        }
        ServiceHelper.startService(seen);
        registerHealthCheck(component);

        try {
            WebhookRequestHandler handler = new WebhookRequestHandler(this, signatures, new DeliveryParser(), seen,
                    statistics, gate, config.getMaxBodySize(), config.isSplitEvents(), safeguards(triggers));
            httpConsumer = createHttpConsumer(handler);
            receivingPath = new ReceivingPath(config.getMaxBodySize(), statistics);
            ReceivingPaths.of(getEndpoint().getCamelContext()).open(localPath, receivingPath);
            // before the start, so that on Vert.x the body is collected ahead of platform-http's dispatch
            stopReadingBodiesAhead = handler.readBodiesAhead(httpConsumer);
            ServiceHelper.startService(httpConsumer);
            gate.open();
            if (config.isSubscribe()) {
                webhookUrl = ReceiverAddress.externalUrl(getEndpoint().getCamelContext(), config, localPath);
                LOG.info("Receiving Preservica deliveries on path {} (Preservica calls {})", localPath, webhookUrl);
            } else {
                // receive only: the subscription is managed elsewhere, so the URL Preservica calls need not be known
                webhookUrl = config.getWebhookExternalUrl();
                LOG.info("Receiving Preservica deliveries on path {} (receive only: subscriptions are managed elsewhere)",
                        localPath);
            }
            PlainHttpWarning.warnIfPlainHttp("webhookExternalUrl", webhookUrl,
                    "preservica-webhook:" + getEndpoint().getName());
            if (config.isSubscribe() && isClustered()) {
                joinElection(component.clientFor(config), triggers, secret);
            } else if (config.isSubscribe()) {
                PreservicaClient client = component.clientFor(config);
                subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret,
                        config.isReuseExistingSubscription());
                subscribeOrRetryLater(client);
            }
        } catch (Exception e) {
            releaseResources();
            throw e;
        }
    }

    private DeliverySafeguards safeguards(List<TriggerType> triggers) {
        challengeWindow = new ChallengeWindow(config.isChallengeOnlyWhileSubscribing());
        ReplayGuard replays = new ReplayGuard(triggers, this::knownSubscriptionIds, config.getMaxDeliveryAge(),
                Clock.systemUTC());
        return new DeliverySafeguards(replays, challengeWindow, new BodyMemoryBudget(config.getMaxInFlightBodyBytes()));
    }

    /** The subscription ids deliveries must carry; empty (not known) until every trigger has its subscription. */
    private List<String> knownSubscriptionIds() {
        SubscriptionManager current = subscriptions;
        return current != null && current.isComplete() ? current.subscriptionIds() : List.of();
    }

    /** Subscribes with the challenge window open: Preservica challenges the URL during the call. */
    private void ensureSubscribed(SubscriptionManager manager) {
        challengeWindow.whileSubscribing(manager::ensureSubscribed);
    }

    private Consumer createHttpConsumer(Processor handler) throws Exception {
        Component platformHttp = getEndpoint().getCamelContext().getComponent("platform-http", true);
        if (!(platformHttp instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException("preservica-webhook receives deliveries through platform-http: add "
                                            + "camel-platform-http-vertx (or another platform-http engine)");
        }
        Map<String, Object> parameters = new HashMap<>();
        if (WebhookRequestHandler.isVertxEngine(platformHttp)) {
            // the handler reads the paused Vert.x request itself, counting bytes as they arrive (see VertxRequestBody)
            parameters.put("useStreaming", "false");
            parameters.put("useBodyHandler", "false");
            getEndpoint().getComponent().warnIfRequestHeadsAreUnlimited();
        } else {
            // the body reaches the handler as a stream, which it reads only up to maxBodySize
            parameters.put("useStreaming", "true");
        }
        // never send a stack trace back to whoever calls the webhook
        parameters.put("muteException", "true");
        // a RestConfiguration of its own: the path is exactly webhookPath, whatever the REST DSL's context path
        return factory.createConsumer(getEndpoint().getCamelContext(), handler, null, localPath, null, null, null,
                new RestConfiguration(), parameters);
    }

    private void subscribeOrRetryLater(PreservicaClient client) {
        try {
            ensureSubscribed(subscriptions);
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e;
            String problem = describeSubscribeFailure(client, e);
            if (!config.isRetrySubscribeInBackground()) {
                throw new IllegalStateException(problem, e);
            }
            LOG.warn("{}; receiving anyway, retrying in the background in {} ms", problem,
                    config.getSubscribeRetryDelay());
            retryExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "PreservicaWebhookSubscribe");
            scheduleRetry(client, Math.max(1, config.getSubscribeRetryDelay()));
        }
    }

    private boolean isClustered() {
        return config.getClusterService() != null || ObjectHelper.isNotEmpty(config.getClusterNamespace());
    }

    /**
     * Replicas: every one receives, the elected one alone makes sure the subscriptions exist (adopting those a
     * previous leader made), and none removes them on stop. Election events are handled on the retry thread, in order.
     */
    private void joinElection(PreservicaClient client, List<TriggerType> triggers, String secret) throws Exception {
        String namespace = ObjectHelper.isNotEmpty(config.getClusterNamespace())
                ? config.getClusterNamespace() : "preservica-webhook-" + getEndpoint().getName();
        retryExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "PreservicaWebhookSubscribe");
        ScheduledExecutorService events = retryExecutor;
        leadership = SubscriptionLeadership.join(getEndpoint().getCamelContext(), config.getClusterService(),
                namespace, new SubscriptionLeadership.Listener() {
                    @Override
                    public void elected() {
                        events.execute(() -> subscribeAsLeader(client, triggers, secret, namespace));
                    }

                    @Override
                    public void deposed() {
                        events.execute(() -> stopManaging(namespace));
                    }
                });
    }

    private void subscribeAsLeader(PreservicaClient client, List<TriggerType> triggers, String secret,
                                   String namespace) {
        if (!isRunAllowed()) {
            return;
        }
        LOG.info("Elected in '{}' to manage the Preservica subscriptions of {}", namespace, webhookUrl);
        // a fresh manager each term: the subscriptions may have changed while another replica led
        subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret, true);
        try {
            ensureSubscribed(subscriptions);
            lastError = null;
            LOG.info("Preservica subscriptions for {} are in place: {}", webhookUrl, subscriptions.subscriptionIds());
        } catch (RuntimeException e) {
            lastError = e;
            LOG.warn("{}; retrying in {} ms", describeSubscribeFailure(client, e), config.getSubscribeRetryDelay());
            scheduleRetry(client, Math.max(1, config.getSubscribeRetryDelay()));
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

    private void scheduleRetry(PreservicaClient client, long delayMillis) {
        retryExecutor.schedule(() -> {
            SubscriptionManager current = subscriptions;
            if (!isRunAllowed() || current == null) {
                return;
            }
            try {
                ensureSubscribed(current);
                lastError = null;
                LOG.info("Preservica subscriptions for {} are now in place: {}", webhookUrl,
                        subscriptions.subscriptionIds());
            } catch (RuntimeException e) {
                lastError = e;
                long next = Math.min(delayMillis * 2, Math.max(delayMillis, config.getSubscribeRetryMaxDelay()));
                LOG.warn("{}; retrying in {} ms", describeSubscribeFailure(client, e), next);
                scheduleRetry(client, next);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private String describeSubscribeFailure(PreservicaClient client, RuntimeException e) {
        return "preservica-webhook:" + getEndpoint().getName() + " could not subscribe " + webhookUrl
               + " to trigger(s) " + subscriptions.missingTriggers() + " at Preservica "
               + client.config().baseUri() + " as user '" + client.config().username() + "': " + e.getMessage();
    }

    @Override
    protected void doStop() throws Exception {
        if (!gate.closeAndAwait(config.getShutdownTimeout())) {
            LOG.warn("Stopping preservica-webhook:{} with {} deliveries still in flight after {} ms",
                    getEndpoint().getName(), gate.inFlight(), config.getShutdownTimeout());
        }
        releaseResources();
        super.doStop();
    }

    /** Undoes whatever start did, in reverse order; safe to call on a partial start and twice. */
    private void releaseResources() {
        boolean clustered = leadership != null;
        if (leadership != null) {
            leadership.leave();
            leadership = null;
        }
        if (retryExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(retryExecutor);
            retryExecutor = null;
        }
        gate.close();
        SubscriptionManager current = subscriptions;
        // a replica never removes what it may have created: the others still serve it
        if (current != null && config.isUnsubscribeOnStop() && !clustered) {
            List<String> leftBehind = current.removeCreated();
            if (!leftBehind.isEmpty()) {
                LOG.warn("Preservica subscriptions {} of {} are left behind: remove them with the producer's "
                         + "unsubscribe operation or in Preservica", leftBehind, current.url());
            }
        }
        subscriptions = null;
        if (stopReadingBodiesAhead != null) {
            stopReadingBodiesAhead.run();
            stopReadingBodiesAhead = null;
        }
        if (receivingPath != null) {
            ReceivingPaths.of(getEndpoint().getCamelContext()).close(localPath, receivingPath);
            receivingPath = null;
        }
        if (httpConsumer != null) {
            ServiceHelper.stopAndShutdownService(httpConsumer);
            httpConsumer = null;
        }
        if (ownRepository && seen != null) {
            ServiceHelper.stopService(seen);
            seen = null;
        }
    }

    private void registerHealthCheck(PreservicaWebhookComponent component) {
        // the route's consumer check ("consumer:<routeId>") asks this consumer's own check, as camel-kafka does
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (consumers != null) {
            PreservicaWebhookHealthCheck check = new PreservicaWebhookHealthCheck(this, getRouteId());
            check.setEnabled(component.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    // readiness

    @Override
    public boolean isReady() {
        return notReadyReason() == null;
    }

    @Override
    public String notReadyReason() {
        if (!gate.isOpen()) {
            return "preservica-webhook:" + getEndpoint().getName() + " is not receiving (not started or stopping)";
        }
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

    @Override
    public Throwable lastError() {
        return lastError;
    }

    @Override
    public List<String> subscriptionIds() {
        SubscriptionManager current = managed();
        return current == null ? List.of() : current.subscriptionIds();
    }

    @Override
    public String webhookUrl() {
        return webhookUrl;
    }

    // JMX

    @ManagedAttribute(description = "The local path deliveries are received on")
    public String getWebhookPath() {
        return localPath;
    }

    @ManagedAttribute(description = "The URL Preservica calls")
    public String getWebhookUrl() {
        return webhookUrl;
    }

    @ManagedAttribute(description = "The Preservica subscription ids in place, comma separated")
    public String getSubscriptionIds() {
        return String.join(",", subscriptionIds());
    }

    @ManagedAttribute(description = "Whether this consumer manages the subscriptions: always, unless it is one of "
                                    + "several replicas (clusterService or clusterNamespace) and another one leads")
    public boolean isSubscriptionLeader() {
        SubscriptionLeadership current = leadership;
        return config.isSubscribe() && (current == null || current.isLeader());
    }

    @ManagedAttribute(description = "Whether the path is open and every subscription is in place")
    public boolean isSubscribed() {
        return isReady();
    }

    @ManagedAttribute(description = "Deliveries verified and processed successfully by the route")
    public long getDeliveriesAccepted() {
        return statistics.acceptedCount();
    }

    @ManagedAttribute(description = "Deliveries verified but failed by the route (answered 500)")
    public long getDeliveriesFailed() {
        return statistics.failedCount();
    }

    @ManagedAttribute(description = "Exact redeliveries acknowledged without a second exchange")
    public long getDuplicates() {
        return statistics.duplicateCount();
    }

    @ManagedAttribute(description = "Subscription challenges answered")
    public long getChallengesAnswered() {
        return statistics.challengesAnsweredCount();
    }

    @ManagedAttribute(description = "Deliveries being processed now")
    public int getInFlight() {
        return gate.inFlight();
    }

    @ManagedAttribute(description = "Requests rejected for any reason")
    public long getRejectedTotal() {
        return statistics.rejectedTotal();
    }

    @ManagedAttribute(description = "Requests rejected with 405: not a POST")
    public long getRejectedMethodNotAllowed() {
        return statistics.rejectedCount(Rejection.METHOD_NOT_ALLOWED);
    }

    @ManagedAttribute(description = "Requests rejected with 413: body over maxBodySize")
    public long getRejectedTooLarge() {
        return statistics.rejectedCount(Rejection.TOO_LARGE);
    }

    @ManagedAttribute(description = "Deliveries rejected with 401: signature missing, malformed or wrong")
    public long getRejectedBadSignature() {
        return statistics.rejectedCount(Rejection.SIGNATURE_MISSING)
               + statistics.rejectedCount(Rejection.SIGNATURE_MALFORMED)
               + statistics.rejectedCount(Rejection.SIGNATURE_MISMATCH);
    }

    @ManagedAttribute(description = "Signed bodies rejected with 400: not a Preservica delivery")
    public long getRejectedInvalidDelivery() {
        return statistics.rejectedCount(Rejection.INVALID_DELIVERY);
    }

    @ManagedAttribute(description = "Challenges refused with 400 (missing, too long, or signing-oracle guard)")
    public long getRejectedChallenges() {
        return statistics.rejectedCount(Rejection.CHALLENGE_REFUSED);
    }

    @ManagedAttribute(description = "Requests rejected with 503 while stopping, while the same delivery was "
                                    + "being processed, or while the bodies in flight held maxInFlightBodyBytes")
    public long getRejectedUnavailable() {
        return statistics.rejectedCount(Rejection.NOT_ACCEPTING)
               + statistics.rejectedCount(Rejection.DUPLICATE_IN_PROGRESS)
               + statistics.rejectedCount(Rejection.BODY_MEMORY_FULL);
    }

    @ManagedAttribute(description = "Correctly signed deliveries rejected with 400 as replays: another trigger, "
                                    + "another subscription, or older than maxDeliveryAge")
    public long getRejectedReplays() {
        return statistics.rejectedCount(Rejection.REPLAY_OTHER_TRIGGER)
               + statistics.rejectedCount(Rejection.REPLAY_OTHER_SUBSCRIPTION)
               + statistics.rejectedCount(Rejection.REPLAY_TOO_OLD);
    }

    @ManagedAttribute(description = "Challenges refused with 403 because no subscribe call was in flight "
                                    + "(challengeOnlyWhileSubscribing)")
    public long getRejectedChallengesOutsideSubscribe() {
        return statistics.rejectedCount(Rejection.CHALLENGE_OUTSIDE_SUBSCRIBE);
    }

    /** The counters, for tests of this package. */
    WebhookStatistics statistics() {
        return statistics;
    }
}
