package io.github.camelpreservica.component.webhook;

import io.github.camelpreservica.component.PreservicaConnectionConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a preservica-webhook endpoint. The component holds one instance whose values every endpoint starts
 * from ({@code camel.component.preservica-webhook.*}); each endpoint works on its own copy, so a URI option
 * overrides the component's value for that endpoint only.
 * <p>
 * Long by nature: one annotated field, getter and setter a URI option, each setter's javadoc being the option's
 * documentation (camel-component-maven-plugin turns it into the component JSON, the options tables and the starter's
 * metadata).
 */
@UriParams
public class PreservicaWebhookConfiguration extends PreservicaConnectionConfiguration implements Cloneable {

    // connection to Preservica: see PreservicaConnectionConfiguration

    // receiving deliveries

    // not an enum option: it holds a comma separated list
    @UriParam(label = "consumer")
    private String trigger;
    @UriParam(label = "security", secret = true)
    private String secret;
    @UriParam(label = "consumer")
    private String webhookExternalUrl;
    @UriParam(label = "consumer")
    private String webhookPath;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean subscribe = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean reuseExistingSubscription = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean unsubscribeOnStop = true;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean splitEvents = true;
    @UriParam(label = "consumer,advanced", defaultValue = "1048576")
    private long maxBodySize = 1_048_576;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "false")
    private boolean retrySubscribeInBackground;
    @UriParam(label = "consumer,advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long subscribeRetryDelay = 5_000;
    @UriParam(label = "consumer,advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long subscribeRetryMaxDelay = 300_000;
    @UriParam(label = "consumer,advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long shutdownTimeout = 30_000;
    @UriParam(label = "consumer,advanced")
    private CamelClusterService clusterService;
    @UriParam(label = "consumer,advanced")
    private String clusterNamespace;
    @UriParam(label = "consumer,security", defaultValue = "0", javaType = "java.time.Duration")
    private long maxDeliveryAge;
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean challengeOnlyWhileSubscribing;
    @UriParam(label = "consumer,advanced", defaultValue = "67108864")
    private long maxInFlightBodyBytes = 67_108_864;

    // catching up from the change queries (issue 13)

    @UriParam(label = "consumer,catchup", defaultValue = "false")
    private boolean catchUp;
    @UriParam(label = "consumer,catchup", defaultValue = "300000", javaType = "java.time.Duration")
    private long catchUpInterval = 300_000;
    @UriParam(label = "consumer,catchup", defaultValue = "60000", javaType = "java.time.Duration")
    private long catchUpOverlap = 60_000;
    @UriParam(label = "consumer,catchup", defaultValue = "0", javaType = "java.time.Duration")
    private long catchUpInitialLookBack;
    @UriParam(label = "consumer,catchup", defaultValue = "100")
    private int catchUpPageSize = 100;
    @UriParam(label = "consumer,catchup")
    private StateRepository<String, String> checkpointRepository;
    @UriParam(label = "consumer,catchup")
    private String checkpointFile;

    // managing subscriptions (producer)

    @UriParam(label = "producer", enums = "subscriptions,subscribe,unsubscribe,unsubscribeAll")
    private String operation;
    @UriParam(label = "producer")
    private String subscriptionId;

    /** A copy for one endpoint, so that setting its options leaves the component's defaults alone. */
    public PreservicaWebhookConfiguration copy() {
        try {
            return (PreservicaWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getTrigger() {
        return trigger;
    }

    /**
     * The events to receive: one or several of MOVED, INDEXED, SECURITY_CHANGED, INGEST_FAILED and
     * CHANGE_ASSET_VISIBILITY, comma separated (Preservica's wire values such as FULL_TEXT_INDEXED are accepted too).
     * Each trigger gets its own subscription, all delivering to the same URL. Required unless subscribe=false.
     */
    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getSecret() {
        return secret;
    }

    /**
     * The shared secret Preservica signs deliveries with; every delivery is verified against it, so it is needed
     * even when subscribe=false. If not set, the environment variable {@code PRESERVICA_WEBHOOK_SECRET} is used,
     * then the key {@code secret.key} of {@code credentials.properties}.
     */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getWebhookExternalUrl() {
        return webhookExternalUrl;
    }

    /**
     * The URL Preservica calls, as Preservica must write it (behind a proxy or gateway this is the public address).
     * Default: http://HOST:PORT followed by webhookPath, where HOST and PORT are those of Camel's REST
     * configuration if set, else the port of the platform-http server (e.g. {@code camel.server.port}) and host
     * {@code localhost}. Start fails, asking for this option, when no port is known.
     */
    public void setWebhookExternalUrl(String webhookExternalUrl) {
        this.webhookExternalUrl = webhookExternalUrl;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /**
     * The local path on the platform-http server where deliveries are received. Default: the path of
     * webhookExternalUrl if that is set, else /preservica/ followed by the endpoint name.
     */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isSubscribe() {
        return subscribe;
    }

    /**
     * Whether the consumer makes sure Preservica has a subscription for each trigger when it starts. Set to false
     * to only receive, when the subscription is managed elsewhere (another instance, a script, the producer).
     */
    public void setSubscribe(boolean subscribe) {
        this.subscribe = subscribe;
    }

    public boolean isReuseExistingSubscription() {
        return reuseExistingSubscription;
    }

    /**
     * Whether the subscriptions Preservica already has for the same URL and trigger (left by a crash, or made with an
     * old secret) are replaced: the consumer always subscribes anew, since only Preservica's challenge proves the
     * current secret, and once that succeeded removes the others, so exactly one remains. False leaves them alone.
     */
    public void setReuseExistingSubscription(boolean reuseExistingSubscription) {
        this.reuseExistingSubscription = reuseExistingSubscription;
    }

    public boolean isUnsubscribeOnStop() {
        return unsubscribeOnStop;
    }

    /**
     * Whether the consumer's subscriptions are removed when it stops. Subscriptions another process made for the same
     * URL (a newer one in a rolling update) are left alone. Replicas with a cluster service never remove them.
     */
    public void setUnsubscribeOnStop(boolean unsubscribeOnStop) {
        this.unsubscribeOnStop = unsubscribeOnStop;
    }

    public boolean isSplitEvents() {
        return splitEvents;
    }

    /**
     * true: one exchange per event, whose body is a WebhookEvent (${body.entityRef} works in simple).
     * false: one exchange per delivery, whose body is the WebhookDelivery with all its events. Either way Preservica
     * gets 200 only once every exchange of the delivery succeeded; when one fails, the delivery gets 500 and, if it
     * is sent again, all its events are routed again (at least once: the events before the failure run twice).
     */
    public void setSplitEvents(boolean splitEvents) {
        this.splitEvents = splitEvents;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * The largest request body accepted, in bytes; larger requests get 413 before any signature check or parsing.
     */
    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers the deliveries already processed, so that an exact redelivery is acknowledged without a second
     * exchange. Default: an in-memory repository of the last 10000 deliveries. Use a shared, persistent one to
     * survive restarts or to share the work between several instances.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isRetrySubscribeInBackground() {
        return retrySubscribeInBackground;
    }

    /**
     * When Preservica cannot be reached or refuses the subscription at start: false (the default) fails the route's
     * start with the cause; true starts the route anyway, keeps receiving, and retries subscribing in the background
     * (see subscribeRetryDelay), with the subscription state FAILED in the health details until it succeeds. Where
     * the HTTP server does not accept connections yet at start (Camel Quarkus), the consumer subscribes in the
     * background whatever this option says.
     */
    public void setRetrySubscribeInBackground(boolean retrySubscribeInBackground) {
        this.retrySubscribeInBackground = retrySubscribeInBackground;
    }

    public long getSubscribeRetryDelay() {
        return subscribeRetryDelay;
    }

    /** The first pause before retrying to subscribe in the background; it doubles after each failure. */
    public void setSubscribeRetryDelay(long subscribeRetryDelay) {
        this.subscribeRetryDelay = subscribeRetryDelay;
    }

    public long getSubscribeRetryMaxDelay() {
        return subscribeRetryMaxDelay;
    }

    /** The longest pause between two background attempts to subscribe. */
    public void setSubscribeRetryMaxDelay(long subscribeRetryMaxDelay) {
        this.subscribeRetryMaxDelay = subscribeRetryMaxDelay;
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * On stop, how long to wait for the deliveries being processed to finish before unsubscribing and closing the
     * path. New deliveries are refused with 503 meanwhile, so that Preservica may send them again.
     */
    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public CamelClusterService getClusterService() {
        return clusterService;
    }

    /**
     * For several replicas serving the same webhookExternalUrl behind a load balancer: the Camel cluster service
     * (for example FileLockClusterService of camel-file on a shared volume) that elects the one replica which makes
     * sure the subscriptions exist. Every replica receives deliveries; none removes the subscriptions on stop
     * (unsubscribeOnStop does not apply), so stopping a replica never takes them from the others, and a newly elected
     * leader replaces them by its own. Setting clusterNamespace alone uses the context's only cluster service.
     */
    public void setClusterService(CamelClusterService clusterService) {
        this.clusterService = clusterService;
    }

    public String getClusterNamespace() {
        return clusterNamespace;
    }

    /**
     * The namespace of the leader election between replicas; all replicas of one webhook use the same one. Setting
     * it turns the replica mode on (see clusterService). Default: preservica-webhook- followed by the endpoint name.
     */
    public void setClusterNamespace(String clusterNamespace) {
        this.clusterNamespace = clusterNamespace;
    }

    public boolean isCatchUp() {
        return catchUp;
    }

    /**
     * Whether to catch up on changes the webhooks did not bring (the receiver was down, a delivery was lost, or the
     * change fires no webhook, like a title edit or a deletion): on start, from the checkpoint, and then every
     * catchUpInterval, the consumer asks Preservica's updated-since query what changed and routes each entity as a
     * WebhookEvent with the header CamelPreservicaCatchUp=true. Needs a checkpointRepository or checkpointFile to
     * survive restarts; with replicas only the elected one catches up.
     */
    public void setCatchUp(boolean catchUp) {
        this.catchUp = catchUp;
    }

    public long getCatchUpInterval() {
        return catchUpInterval;
    }

    /** How often to catch up while running; the first round runs on start. */
    public void setCatchUpInterval(long catchUpInterval) {
        this.catchUpInterval = catchUpInterval;
    }

    public long getCatchUpOverlap() {
        return catchUpOverlap;
    }

    /**
     * How far before the checkpoint each round starts reading, against clock skew between this machine and
     * Preservica and changes that show in the REST queries late. Changes in the overlap are routed again.
     */
    public void setCatchUpOverlap(long catchUpOverlap) {
        this.catchUpOverlap = catchUpOverlap;
    }

    public long getCatchUpInitialLookBack() {
        return catchUpInitialLookBack;
    }

    /**
     * On the very first start, when there is no checkpoint yet, how far back to catch up. Default 0: nothing from
     * before the first start is routed; the checkpoint starts now.
     */
    public void setCatchUpInitialLookBack(long catchUpInitialLookBack) {
        this.catchUpInitialLookBack = catchUpInitialLookBack;
    }

    public int getCatchUpPageSize() {
        return catchUpPageSize;
    }

    /** How many changed entities to ask Preservica for per page (Preservica may answer fewer). */
    public void setCatchUpPageSize(int catchUpPageSize) {
        this.catchUpPageSize = catchUpPageSize;
    }

    public StateRepository<String, String> getCheckpointRepository() {
        return checkpointRepository;
    }

    /**
     * Where the catch-up checkpoint (the instant up to which every change was routed) is kept, under the key
     * preservica-webhook:<endpoint name>. Any Camel StateRepository: one shared by all replicas (a database, a
     * key-value store) when there are several. Without it and without checkpointFile, the checkpoint lives in memory
     * and a restart catches up from its start only.
     */
    public void setCheckpointRepository(StateRepository<String, String> checkpointRepository) {
        this.checkpointRepository = checkpointRepository;
    }

    public String getCheckpointFile() {
        return checkpointFile;
    }

    /**
     * A file to keep the catch-up checkpoint in (Camel's FileStateRepository), for one machine; ignored when
     * checkpointRepository is set.
     */
    public void setCheckpointFile(String checkpointFile) {
        this.checkpointFile = checkpointFile;
    }

    public String getOperation() {
        return operation;
    }

    /**
     * What the producer does: subscriptions (the body becomes the list of Subscription), subscribe (to the trigger,
     * at webhookExternalUrl, with the secret; the body becomes the new Subscription), unsubscribe (the subscription
     * subscriptionId) or unsubscribeAll (the body becomes the list of removed ids). The header
     * CamelPreservicaOperation overrides it.
     *
     * @throws IllegalArgumentException for an unknown operation, listing the valid ones
     */
    public void setOperation(String operation) {
        // checked here so that a misspelt operation fails when the endpoint is created, not on the first message
        this.operation = operation == null ? null : PreservicaWebhookOperation.fromName(operation).name();
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    /**
     * For the unsubscribe operation: the id of the subscription to remove. The header CamelPreservicaSubscriptionId
     * overrides it.
     */
    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public long getMaxDeliveryAge() {
        return maxDeliveryAge;
    }

    /**
     * The oldest delivery accepted, judged by its signed timestamp (which has no zone: it is read as UTC); older
     * ones, and ones whose timestamp cannot be read, are refused with 400, so that a captured delivery cannot be
     * replayed after the memory of seen deliveries (idempotentRepository) has forgotten it. Five minutes are added
     * for clock skew between Preservica and this host, and timestamps up to five minutes in the future are accepted.
     * Set it longer than the time Preservica keeps retrying a failed delivery, or those retries are refused. Default
     * 0: no limit.
     */
    public void setMaxDeliveryAge(long maxDeliveryAge) {
        this.maxDeliveryAge = maxDeliveryAge;
    }

    public boolean isChallengeOnlyWhileSubscribing() {
        return challengeOnlyWhileSubscribing;
    }

    /**
     * Whether challenges are answered only while this consumer's own subscribe call is in flight (403 otherwise).
     * Every answer is an HMAC under the secret of a code the caller chose, material for guessing a weak secret
     * offline. Default false: always answered, since whether Preservica validates a subscription again later is
     * not known; true also refuses the challenges of subscriptions made elsewhere (subscribe=false, the producer).
     */
    public void setChallengeOnlyWhileSubscribing(boolean challengeOnlyWhileSubscribing) {
        this.challengeOnlyWhileSubscribing = challengeOnlyWhileSubscribing;
    }

    public long getMaxInFlightBodyBytes() {
        return maxInFlightBodyBytes;
    }

    /**
     * The most bytes all request bodies being read or processed may hold together; a request that would pass it is
     * answered 503 with Retry-After before its body is read. Each request counts its Content-Length, or
     * maxBodySize when it declares none (chunked). A single request is always admitted.
     */
    public void setMaxInFlightBodyBytes(long maxInFlightBodyBytes) {
        this.maxInFlightBodyBytes = maxInFlightBodyBytes;
    }
}
