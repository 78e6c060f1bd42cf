package io.github.camelpreservica.component.webhook;

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
    private volatile CatchUp catchUp;

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
        WebhookSignatures signatures = new WebhookSignatures(secret);
        localPath = ReceiverAddress.localPath(config, getEndpoint().getName());
        CatchUp newCatchUp = config.isCatchUp()
                ? new CatchUp(this, component.clientFor(config), config, this::leadsOrAlone) : null;

        seen = config.getIdempotentRepository();
        ownRepository = seen == null;
        if (ownRepository) {
            seen = new RecentDeliveries(DEFAULT_REMEMBERED_DELIVERIES);
        }
        ServiceHelper.startService(seen);
        registerHealthCheck(component);

        try {
            WebhookRequestHandler handler = new WebhookRequestHandler(this, signatures, new DeliveryParser(), seen,
                    statistics, gate, config.getMaxBodySize(), config.isSplitEvents());
            httpConsumer = createHttpConsumer(handler);
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
            if (config.isSubscribe() && isClustered()) {
                joinElection(component.clientFor(config), triggers, secret);
            } else if (config.isSubscribe()) {
                PreservicaClient client = component.clientFor(config);
                subscriptions = new SubscriptionManager(client, webhookUrl, triggers, secret,
                        config.isReuseExistingSubscription());
                subscribeOrRetryLater(client);
            }
            if (newCatchUp != null) {
                catchUp = newCatchUp;
                catchUp.start();
            }
        } catch (Exception e) {
            releaseResources();
            throw e;
        }
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
            subscriptions.ensureSubscribed();
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
            subscriptions.ensureSubscribed();
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
            if (!isRunAllowed() || subscriptions == null) {
                return;
            }
            try {
                subscriptions.ensureSubscribed();
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
        stopCatchUp();
        if (!gate.closeAndAwait(config.getShutdownTimeout())) {
            LOG.warn("Stopping preservica-webhook:{} with {} deliveries still in flight after {} ms",
                    getEndpoint().getName(), gate.inFlight(), config.getShutdownTimeout());
        }
        releaseResources();
        super.doStop();
    }

    /** Undoes whatever start did, in reverse order; safe to call on a partial start and twice. */
    private void releaseResources() {
        stopCatchUp();
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
        if (httpConsumer != null) {
            ServiceHelper.stopAndShutdownService(httpConsumer);
            httpConsumer = null;
        }
        if (ownRepository && seen != null) {
            ServiceHelper.stopService(seen);
            seen = null;
        }
    }

    private void stopCatchUp() {
        CatchUp current = catchUp;
        catchUp = null;
        if (current != null) {
            current.stop(config.getShutdownTimeout());
        }
    }

    /** Whether this consumer may catch up: it is the elected replica, or there are no replicas. */
    private boolean leadsOrAlone() {
        SubscriptionLeadership election = leadership;
        return election == null || election.isLeader();
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

    @ManagedAttribute(description = "Requests rejected with 503 while stopping, or while the same delivery was "
                                    + "being processed")
    public long getRejectedUnavailable() {
        return statistics.rejectedCount(Rejection.NOT_ACCEPTING)
               + statistics.rejectedCount(Rejection.DUPLICATE_IN_PROGRESS);
    }

    @Override
    public Map<String, Object> catchUpDetails() {
        CatchUp current = catchUp;
        return current == null ? Map.of() : current.details();
    }

    @ManagedAttribute(description = "Catch-up: the instant up to which every change was routed (ISO-8601), or empty")
    public String getCatchUpCheckpoint() {
        CatchUp current = catchUp;
        return current == null || current.checkpoint() == null ? "" : current.checkpoint().toString();
    }

    @ManagedAttribute(description = "Catch-up: how far the checkpoint lags behind now, in milliseconds")
    public long getCatchUpBehindMillis() {
        CatchUp current = catchUp;
        return current == null ? 0 : current.behind().toMillis();
    }

    @ManagedAttribute(description = "Catch-up: the last round's start, end, window, changes routed and outcome")
    public String getCatchUpLastRound() {
        CatchUp current = catchUp;
        CatchUp.Round round = current == null ? null : current.lastRound();
        return round == null ? "" : round.toString();
    }

    @ManagedAttribute(description = "Catch-up: changes routed by the last round")
    public long getCatchUpLastRoundChanges() {
        CatchUp current = catchUp;
        CatchUp.Round round = current == null ? null : current.lastRound();
        return round == null ? 0 : round.changes();
    }

    /** The counters, for tests of this package. */
    WebhookStatistics statistics() {
        return statistics;
    }
}
