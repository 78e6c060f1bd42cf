package io.github.camelpreservica.component.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.vertx.HeaderTimeoutVertxPlatformHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real Vert.x platform-http server (with the request head timeout this project recommends) on a free loopback
 * port, the simulator standing in for Preservica, and the preservica-webhook component pointed at both. Nothing is
 * read from the environment or credentials.properties.
 */
abstract class WebhookTestSupport extends CamelTestSupport {

    static final String USERNAME = "admin";
    static final String PASSWORD = "secret";
    static final String TENANT = "TEST";
    static final String SECRET = "my_shared_secret";
    static final String LOOPBACK = "127.0.0.1";

    protected static PreservicaSimulator simulator;
    protected static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    protected int httpPort;
    protected final WebhookSignatures signatures = new WebhookSignatures(SECRET);

    /**
     * A Camel Main with its embedded HTTP server on a loopback port, the component pointed at the simulator through
     * {@code camel.component.preservica-webhook.*} properties only; the caller adds its routes and starts it.
     */
    static Main camelMainPointedAt(PreservicaSimulator simulator, int port) {
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", LOOPBACK);
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        // list every check, not only those DOWN
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.component.preservica-webhook.server", simulator.baseUrl());
        main.addInitialProperty("camel.component.preservica-webhook.username", USERNAME);
        main.addInitialProperty("camel.component.preservica-webhook.password", PASSWORD);
        main.addInitialProperty("camel.component.preservica-webhook.tenant", TENANT);
        main.addInitialProperty("camel.component.preservica-webhook.secret", SECRET);
        return main;
    }

    @BeforeAll
    static void startSimulator() {
        simulator = newSimulator();
    }

    /** A simulator of its own on a free port, started, that knows the user {@link #USERNAME} of {@link #TENANT}. */
    static PreservicaSimulator newSimulator() {
        return PreservicaSimulator.builder().port(0).user(USERNAME, PASSWORD, TENANT).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        simulator.reset();
        CamelContext context = super.createCamelContext();
        httpPort = FreePorts.next();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost(LOOPBACK);
        server.setBindPort(httpPort);
        context.addService(
                new HeaderTimeoutVertxPlatformHttpServer(server, requestHeaderTimeout(), keepAliveTimeout()));
        // the receiver URL defaults from the REST host: loopback, as the server listens there only
        context.getRestConfiguration().setHost(LOOPBACK);

        pointAtSimulator(context).getConfiguration().setReadTimeout(10_000);
        return context;
    }

    /**
     * A context, not started, for one of several replicas: named {@code replica-<name>}, pointed at the simulator, with
     * a Vert.x server on the loopback port and a file-lock cluster service (id {@code name}) under the root that tries
     * for the lock every 200 ms.
     */
    static CamelContext replicaContext(String name, int port, Path clusterRoot) throws Exception {
        CamelContext replica = new DefaultCamelContext();
        replica.getCamelContextExtension().setName("replica-" + name);
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(LOOPBACK);
        http.setBindPort(port);
        replica.addService(new VertxPlatformHttpServer(http));
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        replica.addService(cluster);
        pointAtSimulator(replica);
        return replica;
    }

    /**
     * Points the context's preservica-webhook component at the simulator, as the test user, with the test secret and
     * no credentials from the environment or a file.
     */
    static PreservicaWebhookComponent pointAtSimulator(CamelContext context) {
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        component.setCredentialResolver(isolatedCredentials());
        PreservicaWebhookConfiguration defaults = component.getConfiguration();
        defaults.setServer(simulator.baseUrl());
        defaults.setUsername(USERNAME);
        defaults.setPassword(PASSWORD);
        defaults.setTenant(TENANT);
        defaults.setSecret(SECRET);
        return component;
    }

    /** The request head timeout of the HTTP server, in milliseconds: the server's default unless a test needs less. */
    protected long requestHeaderTimeout() {
        return HeaderTimeoutVertxPlatformHttpServer.DEFAULT_REQUEST_HEADER_TIMEOUT;
    }

    /** The keep-alive timeout of the HTTP server, in milliseconds: the server's default unless a test needs less. */
    protected long keepAliveTimeout() {
        return HeaderTimeoutVertxPlatformHttpServer.DEFAULT_KEEP_ALIVE_TIMEOUT;
    }

    static CredentialResolver isolatedCredentials() {
        return new CredentialResolver(Map.of(), Path.of("target", "no-such-dir", "credentials.properties"));
    }

    /** Adds and starts a route from the given endpoint URI to {@code mock:events}, with the route id given. */
    protected void startRoute(String routeId, String fromUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fromUri).routeId(routeId).to("mock:events");
            }
        });
    }

    protected PreservicaWebhookConsumer consumerOf(String routeId) {
        Route route = context.getRoute(routeId);
        return (PreservicaWebhookConsumer) route.getConsumer();
    }

    /** The URL a consumer named {@code name} receives on, with the default path. */
    protected String receiverUrl(String name) {
        return "http://" + LOOPBACK + ":" + httpPort + "/preservica/" + name;
    }

    protected HttpResponse<String> post(String url, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> postSigned(String url, byte[] body) throws Exception {
        return post(url, body, WebhookSignatures.SIGNATURE_HEADER, signatures.sign(body), "Content-Type",
                "application/json");
    }

    /** A delivery of one IO event, different for each ref, as Preservica would send it. */
    static byte[] delivery(String subscriptionId, String entityRef) {
        return ("{\"subscriptionId\":\"" + subscriptionId + "\",\"timestamp\":\"2023-10-11T10:52:42.469\","
                + "\"tenant\":\"" + TENANT + "\",\"version\":\"7.0\",\"events\":[{\"event\":\"FullTextIndexed\","
                + "\"entityType\":\"IO\",\"entityRef\":\"" + entityRef + "\",\"identifiers\":[]}],"
                + "\"trigger\":\"FULL_TEXT_INDEXED\"}").getBytes(StandardCharsets.UTF_8);
    }
}
