package io.github.camelpreservica.component.webhook;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelpreservica.client.TriggerType;
import io.github.camelpreservica.component.PlainHttpWarning;
import io.github.camelpreservica.component.health.PreservicaWebhookHealthCheck;
import io.github.camelpreservica.component.health.SubscriptionReadiness;
import io.github.camelpreservica.component.health.SubscriptionState;
import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;
import io.github.camelpreservica.delivery.DeliveryParser;
import io.github.camelpreservica.signing.WebhookSignatures;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
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
 * still open), then has the {@link SubscriptionKeeper} make sure each trigger has a subscription, at once when the
 * HTTP server already accepts connections, else in the background once it does (Camel Quarkus starts routes before
 * its server listens). Ready once the path is open: the subscriptions' state is a detail, not a condition. Stop:
 * refuses new deliveries (503), waits for those in flight, has the keeper remove its subscriptions, then closes the
 * path. Each request is answered by the {@link WebhookRequestHandler}.
 * <p>
 * With catchUp, it also runs the {@link CatchUp} rounds, on the elected replica only ({@link SubscriptionKeeper}).
 * <p>
 * Over 400 lines only for its JMX attributes: a third of the class is their one-line getters.
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
    // the consumer's own: on Vert.x it holds the bodies collected ahead for this consumer's requests
    private RequestBodyReader bodies;
    private Consumer httpConsumer;
    // null in receive-only mode (subscribe=false)
    private volatile SubscriptionKeeper subscriptions;
    // null without catchUp
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
                ? TriggerType.parseList(config.getTrigger())
                : List.of();
        if (config.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive (was " + config.getMaxBodySize() + ")");
        }
        String secret = component.resolveSecret(config);
        SecretStrength.check(secret, "preservica-webhook:" + getEndpoint().getName());
        WebhookSignatures signatures = new WebhookSignatures(secret);
        localPath = ReceiverAddress.localPath(config, getEndpoint().getName());
        CatchUp newCatchUp = config.isCatchUp()
                ? new CatchUp(this, component.clientFor(config), config, this::leadsOrAlone)
                : null;

        seen = config.getIdempotentRepository();
        ownRepository = seen == null;
        if (ownRepository) {
            seen = new RecentDeliveries(DEFAULT_REMEMBERED_DELIVERIES);
        }
        ServiceHelper.startService(seen);
        registerHealthCheck(component);

        try {
            openPath(signatures, safeguards(triggers));
            if (config.isSubscribe()) {
                webhookUrl = ReceiverAddress.externalUrl(getEndpoint().getCamelContext(), config, localPath);
                LOG.info("Receiving Preservica deliveries on path {} (Preservica calls {})", localPath, webhookUrl);
                subscriptions = new SubscriptionKeeper(getEndpoint().getCamelContext(), config,
                        getEndpoint().getName(), component.clientFor(config), webhookUrl, triggers, secret,
                        challengeWindow, this::isRunAllowed);
                subscriptions.start();
            } else {
                // receive only: the subscription is managed elsewhere, so the URL Preservica calls need not be known
                webhookUrl = config.getWebhookExternalUrl();
                LOG.info(
                        "Receiving Preservica deliveries on path {} (receive only: subscriptions are managed elsewhere)",
                        localPath);
            }
            PlainHttpWarning.warnIfPlainHttp("webhookExternalUrl", webhookUrl,
                    "preservica-webhook:" + getEndpoint().getName());
            if (newCatchUp != null) {
                catchUp = newCatchUp;
                catchUp.start();
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
        SubscriptionKeeper keeper = subscriptions;
        return keeper != null && keeper.state() == SubscriptionState.SUBSCRIBED
                ? keeper.acceptedSubscriptionIds()
                : List.of();
    }

    /** Opens the receiving path on platform-http, with the body read ahead where the engine is Vert.x. */
    private void openPath(WebhookSignatures signatures, DeliverySafeguards safeguards) throws Exception {
        bodies = new RequestBodyReader(config.getMaxBodySize());
        WebhookRequestHandler handler = new WebhookRequestHandler(this, signatures, new DeliveryParser(), seen,
                statistics, gate, bodies, config.isSplitEvents(), safeguards);
        receivingPath = new ReceivingPath(config.getMaxBodySize(), statistics);
        ReceivingPaths.of(getEndpoint().getCamelContext()).open(localPath, receivingPath,
                "preservica-webhook:" + getEndpoint().getName());
        httpConsumer = createHttpConsumer(handler);
        // before the start, so that on Vert.x the body is collected ahead of platform-http's dispatch
        String notReadingAhead = bodies.readBodiesAhead(httpConsumer);
        if (notReadingAhead != null) {
            LOG.warn("preservica-webhook:{} cannot collect request bodies on the Vert.x event loop ({}): each body is "
                    + "read on a worker thread instead, which a slow sender holds for up to {} ms",
                    getEndpoint().getName(), notReadingAhead, RequestBodyReader.BODY_READ_TIMEOUT_MILLIS);
        }
        ServiceHelper.startService(httpConsumer);
        gate.open();
    }

    private Consumer createHttpConsumer(Processor handler) throws Exception {
        Component platformHttp = getEndpoint().getCamelContext().getComponent("platform-http", true);
        if (!(platformHttp instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException("preservica-webhook receives deliveries through platform-http: add "
                    + "camel-platform-http-vertx (or another platform-http engine)");
        }
        Map<String, Object> parameters = new HashMap<>();
        if (RequestBodyReader.isVertxEngine(platformHttp)) {
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
        gate.close();
        SubscriptionKeeper keeper = subscriptions;
        if (keeper != null) {
            keeper.stop();
        }
        if (bodies != null) {
            bodies.stopReadingBodiesAhead();
            bodies = null;
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

    private void stopCatchUp() {
        CatchUp current = catchUp;
        catchUp = null;
        if (current != null) {
            current.stop(config.getShutdownTimeout());
        }
    }

    /** Whether this consumer may catch up: it is the elected replica, or there are no replicas. */
    private boolean leadsOrAlone() {
        SubscriptionKeeper keeper = subscriptions;
        return keeper == null || keeper.isLeader();
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
        return gate.isOpen();
    }

    @Override
    public String notReadyReason() {
        return gate.isOpen()
                ? null
                : "preservica-webhook:" + getEndpoint().getName() + " is not receiving (not started or stopping)";
    }

    @Override
    public SubscriptionState subscriptionState() {
        SubscriptionKeeper keeper = subscriptions;
        return keeper == null ? SubscriptionState.DISABLED : keeper.state();
    }

    @Override
    public long consecutiveSignatureMismatches() {
        return statistics.signatureMismatchesInARow();
    }

    @Override
    public Throwable lastError() {
        SubscriptionKeeper keeper = subscriptions;
        return keeper == null ? null : keeper.lastError();
    }

    @Override
    public List<String> subscriptionIds() {
        SubscriptionKeeper keeper = subscriptions;
        return keeper == null ? List.of() : keeper.subscriptionIds();
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
        SubscriptionKeeper keeper = subscriptions;
        return config.isSubscribe() && (keeper == null || keeper.isLeader());
    }

    @ManagedAttribute(description = "Whether every subscription is in place (subscription state SUBSCRIBED)")
    public boolean isSubscribed() {
        return subscriptionState() == SubscriptionState.SUBSCRIBED;
    }

    @ManagedAttribute(description = "Where the Preservica subscriptions stand: SUBSCRIBED, PENDING, FAILED, "
            + "NOT_LEADER or DISABLED")
    public String getSubscriptionState() {
        return subscriptionState().name();
    }

    @ManagedAttribute(description = "Deliveries refused for a wrong signature since the last correctly signed one: a "
            + "growing number says the secret differs from the one Preservica has")
    public long getConsecutiveSignatureMismatches() {
        return consecutiveSignatureMismatches();
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

    @Override
    public Map<String, Object> catchUpDetails() {
        return fromCatchUp(CatchUp::details, Map.of());
    }

    @ManagedAttribute(description = "Catch-up: the instant up to which every change was routed (ISO-8601), or empty")
    public String getCatchUpCheckpoint() {
        return fromCatchUp(c -> c.checkpoint() == null ? "" : c.checkpoint().toString(), "");
    }

    @ManagedAttribute(description = "Catch-up: how far the checkpoint lags behind now, in milliseconds")
    public long getCatchUpBehindMillis() {
        return fromCatchUp(c -> c.behind().toMillis(), 0L);
    }

    @ManagedAttribute(description = "Catch-up: the last round's start, end, window, changes routed and outcome")
    public String getCatchUpLastRound() {
        return fromCatchUp(c -> c.lastRound() == null ? "" : c.lastRound().toString(), "");
    }

    @ManagedAttribute(description = "Catch-up: changes routed by the last round")
    public long getCatchUpLastRoundChanges() {
        return fromCatchUp(c -> c.lastRound() == null ? 0L : c.lastRound().changes(), 0L);
    }

    /** What the running catch-up answers, or {@code none} without catchUp (or once stopped). */
    private <T> T fromCatchUp(Function<CatchUp, T> question, T none) {
        CatchUp current = catchUp;
        return current == null ? none : question.apply(current);
    }

    /** The counters, for tests of this package. */
    WebhookStatistics statistics() {
        return statistics;
    }
}
