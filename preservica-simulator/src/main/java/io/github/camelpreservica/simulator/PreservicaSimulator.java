package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in Preservica server on loopback: access tokens (with two-factor login), webhook subscriptions with
 * the live URL challenge, signed deliveries, the entity and thumbnail APIs, injected faults and an admin API.
 *
 * <pre>{@code
 * try (PreservicaSimulator sim = PreservicaSimulator.builder().build().start()) {
 *     sim.fire("INDEXED", DemoAssets.HARBOUR_REF);
 * }
 * }</pre>
 * Longer than most classes on purpose: it is the simulator's whole Java API (builder, the catalogue, faults, firing
 * and observing), kept in one type that tests and examples learn once; each endpoint group lives in its own class.
 */
public final class PreservicaSimulator implements AutoCloseable {

    private final Builder settings;
    private final AccessTokens tokens;
    private final Subscriptions subscriptions = new Subscriptions();
    private final AssetCatalog catalog = new AssetCatalog();
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final WebhookSender sender;
    private final Deliveries deliveries;
    private final String tenant;
    private final DemoEvents demoEvents;
    private final SimulatedCatalogue catalogue;
    private HttpServer server;
    private ExecutorService executor;

    private PreservicaSimulator(Builder builder) {
        this.settings = builder;
        Map<String, SimulatedUser> users = new LinkedHashMap<>(builder.users);
        if (users.isEmpty()) {
            users.put("admin", new SimulatedUser("admin", "secret", "TEST", List.of("ROLE_SDB_MANAGER_USER"), null));
        }
        builder.totpSeeds.forEach((name, seed) -> {
            SimulatedUser user = users.get(name);
            if (user == null) {
                throw new IllegalArgumentException("twoFactorSeed for unknown user '" + name + "': add it with user()");
            }
            Base32.decode(seed); // a mistyped seed fails here, not at the first login
            users.put(name, user.withTotpSeed(seed));
        });
        this.tenant = users.values().iterator().next().tenant();
        this.tokens = new AccessTokens(users, builder.tokenLifetime, Clock.systemUTC());
        this.sender = new WebhookSender(builder.challengeTimeout, builder.deliveryTimeout);
        this.deliveries = new Deliveries(subscriptions, sender, majorMinor(builder.version));
        this.demoEvents = new DemoEvents(this);
        this.catalogue = new SimulatedCatalogue(this, catalog, new ChangeLog(Clock.systemUTC()),
                users.keySet().iterator().next());
        if (builder.demoAssets) {
            catalog.add(DemoAssets.folder());
            DemoAssets.assets().forEach(catalog::add);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving. @throws UncheckedIOException when the address cannot be bound */
    public synchronized PreservicaSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the Preservica simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        EntityXml xml = new EntityXml(majorMinor(settings.version), settings.version, baseUrl());
        server.createContext("/api/", new ApiHandler(requests, faults, tokens, new AuthEndpoints(tokens),
                new WebhookEndpoints(subscriptions, sender), new EntityEndpoints(catalog, xml,
                        new ChangeQueryEndpoints(catalogue, new ChangeXml(majorMinor(settings.version), baseUrl())))));
        server.createContext("/simulator/", new AdminHandler(this));
        // a thread per call: a delayed answer or a slow challenge must not hold up other calls
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "preservica-simulator-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return this;
    }

    public synchronized void stop() {
        demoEvents.stop();
        deliveries.failed().clear();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return "http://" + host + ":" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** The tenant of the first user, used for subscriptions added with {@link #addSubscription}. */
    public String tenant() {
        return tenant;
    }

    /** The configured Preservica version, e.g. {@code 7.0.0}. */
    public String version() {
        return settings.version;
    }

    // ---- events

    /** For each ref, one delivery of a single {@code IO} event to every subscription of the trigger. */
    public List<DeliveryRecord> fire(String trigger, String... assetRefs) {
        if (assetRefs.length == 0) {
            throw new IllegalArgumentException("fire needs at least one entity reference");
        }
        List<DeliveryRecord> sent = new ArrayList<>();
        for (String ref : assetRefs) {
            sent.addAll(fire(FireRequest.trigger(trigger).event("IO", ref).build()));
        }
        return sent;
    }

    /** All events of the request in one delivery to each target subscription; returns when all were answered. */
    public List<DeliveryRecord> fire(FireRequest request) {
        return deliveries.fire(request);
    }

    /** Sends arbitrary bytes with an arbitrary signature header (null: none) to a subscription's URL. */
    public DeliveryRecord sendRaw(String subscriptionId, byte[] body, String signature, boolean chunked) {
        return deliveries.sendRaw(subscriptionId, body, signature, chunked);
    }

    /** Re-sends the identical bytes and signature of an earlier delivery. */
    public DeliveryRecord redeliver(DeliveryRecord record) {
        return deliveries.redeliver(record);
    }

    public List<DeliveryRecord> deliveries() {
        return deliveries.all();
    }

    /**
     * What happens to a delivery the receiver does not accept (unknown for Preservica): dropped (the default),
     * retried {@code attempts} times with back-off starting at {@code backoff}, or queued in order until accepted.
     */
    public void receiverDown(ReceiverDown behaviour, Duration backoff, int attempts) {
        deliveries.failed().configure(behaviour, backoff, attempts);
    }

    /** Deliveries waiting in the queues of {@link ReceiverDown#QUEUE}. */
    public int queuedDeliveries() {
        return deliveries.failed().queued();
    }

    /** Every interval, fires {@code FULL_TEXT_INDEXED} for the next demo asset in turn. */
    public void startDemoEvents(Duration interval) {
        demoEvents.start(interval);
    }

    public void stopDemoEvents() {
        demoEvents.stop();
    }

    // ---- subscriptions

    public List<SimulatedSubscription> subscriptions() {
        return subscriptions.all();
    }

    /** Adds a subscription without any challenge, like one left behind by an application that crashed. */
    public String addSubscription(String url, String trigger, String secret) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        return subscriptions.add(url, Trigger.parse(trigger), true, secret, tenant).id();
    }

    // ---- assets

    public void addAsset(SimulatedAsset asset) {
        catalog.add(asset);
    }

    public void addFolder(SimulatedFolder folder) {
        catalog.add(folder);
    }

    public List<SimulatedAsset> assets() {
        return catalog.assets();
    }

    /** The catalogue as something that changes, with its change log and the settings of the change queries. */
    public SimulatedCatalogue catalogue() {
        return catalogue;
    }

    // ---- faults

    /** The next {@code calls} calls to {@code /api} answer 503. */
    public void failNextCalls(int calls) {
        failNextCalls(calls, 503);
    }

    /** The next {@code calls} calls to {@code /api} answer {@code status}. */
    public void failNextCalls(int calls, int status) {
        faults.failNext(calls, status);
    }

    /** Delays every {@code /api} answer; {@link Duration#ZERO} stops delaying. */
    public void delayResponses(Duration delay) {
        faults.delay(delay);
    }

    /** Invalidates every access, refresh and two-factor continuation token issued so far. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    // ---- observation

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Successful logins (password and two-factor completions; refreshes do not count). */
    public int loginCount() {
        return tokens.loginCount();
    }

    /**
     * Clears subscriptions, deliveries (with the queues and retries of {@link #receiverDown}, which goes back to
     * drop), recorded requests, faults, the catalogue's settings and the login count (tokens, assets and the change
     * log stay).
     */
    public void reset() {
        catalogue.clearSettings();
        subscriptions.clear();
        deliveries.clear();
        requests.clear();
        faults.clear();
        tokens.resetLoginCount();
    }

    Faults faults() {
        return faults;
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("version must look like 7.0.0, got '" + version + "'");
        }
        return parts[0] + "." + parts[1];
    }

    /** Settings of a simulator; every one has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
        private final Map<String, String> totpSeeds = new LinkedHashMap<>();
        private Duration tokenLifetime = Duration.ofMinutes(15);
        private String version = "7.0.0";
        private boolean demoAssets = true;
        private Duration challengeTimeout = Duration.ofSeconds(10);
        private Duration deliveryTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Address to bind, default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind, default 0 (a free port, see {@link PreservicaSimulator#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds a user; without roles it gets {@code ROLE_SDB_MANAGER_USER}. Without any user call, the simulator
         * has {@code admin}/{@code secret} on tenant {@code TEST}.
         */
        public Builder user(String userName, String password, String tenant, String... roles) {
            List<String> granted = roles.length == 0 ? List.of("ROLE_SDB_MANAGER_USER") : List.of(roles);
            users.put(userName, new SimulatedUser(userName, password, tenant, granted, null));
            return this;
        }

        /** Requires a TOTP code (RFC 6238, Base32 seed) from this user after the password. */
        public Builder twoFactorSeed(String userName, String base32Seed) {
            totpSeeds.put(userName, base32Seed);
            return this;
        }

        /** How long an access token stays valid, default 15 minutes; may be seconds. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive, got " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The Preservica version reported, default {@code 7.0.0}; it also sets the XML namespaces. */
        public Builder version(String version) {
            majorMinor(version);
            this.version = version;
            return this;
        }

        /** Whether the demo folder and assets are present, default true. */
        public Builder demoAssets(boolean demoAssets) {
            this.demoAssets = demoAssets;
            return this;
        }

        /** How long to wait for the receiver's challenge answer, default 10 s. */
        public Builder challengeTimeout(Duration timeout) {
            this.challengeTimeout = Objects.requireNonNull(timeout, "challengeTimeout");
            return this;
        }

        /** How long to wait for a receiver to answer a delivery, default 10 s. */
        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = Objects.requireNonNull(timeout, "deliveryTimeout");
            return this;
        }

        public PreservicaSimulator build() {
            return new PreservicaSimulator(this);
        }
    }
}
