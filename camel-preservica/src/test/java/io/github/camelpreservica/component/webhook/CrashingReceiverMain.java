package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A receiver in a JVM of its own, for {@link ReceiverCrashTest} to kill: a real {@code preservica-webhook:<name>}
 * route subscribed to INDEXED, on a Vert.x server bound to 127.0.0.1 and the given port. It prints
 * {@value #READY} and the subscription id once started, {@value #RECEIVED} and the entity ref of each event routed,
 * and runs until killed. When it could not listen on the port because another process holds it, it prints
 * {@value #PORT_TAKEN} and exits with {@value #PORT_TAKEN_EXIT_CODE}, so the parent can try another port.
 * <p>
 * Arguments: local port, endpoint name. The Preservica server, user, password, tenant and secret come from the
 * environment variables named below, so they never show on a command line; this class never prints them.
 */
public final class CrashingReceiverMain {

    static final String SERVER = "CRASH_RECEIVER_SERVER";
    static final String USER = "CRASH_RECEIVER_USER";
    static final String PASSWORD = "CRASH_RECEIVER_PASSWORD";
    static final String TENANT = "CRASH_RECEIVER_TENANT";
    static final String SECRET = "CRASH_RECEIVER_SECRET";
    /** Optional: more endpoint options, e.g. {@code &catchUp=true&checkpointFile=...}. */
    static final String MORE_OPTIONS = "CRASH_RECEIVER_MORE_OPTIONS";

    static final String READY = "RECEIVER READY ";
    static final String RECEIVED = "RECEIVED ";
    static final String PORT_TAKEN = "RECEIVER PORT TAKEN ";
    static final int PORT_TAKEN_EXIT_CODE = 3;

    private CrashingReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String name = args[1];
        CamelContext context = receiverContext(System.getenv(), port, name,
                exchange -> report(RECEIVED + exchange.getMessage().getBody(WebhookEvent.class).getEntityRef()));
        try {
            context.start();
        } catch (Exception e) {
            if (isTakenByAnotherProcess(port)) {
                report(PORT_TAKEN + port);
                System.exit(PORT_TAKEN_EXIT_CODE);
            }
            throw e;
        }
        PreservicaWebhookConsumer consumer = (PreservicaWebhookConsumer) context.getRoute(name).getConsumer();
        if (consumer.getSubscriptionIds().isEmpty() && !listens(context)) {
            // the start succeeded without subscribing: Camel's Vert.x server only logged that it could not bind (the
            // port is held by a socket of some other program, which need not listen on it), and the consumer,
            // finding no server of its own on the port, keeps trying in the background as it does under Quarkus
            report(PORT_TAKEN + port);
            System.exit(PORT_TAKEN_EXIT_CODE);
        }
        report(READY + consumer.getSubscriptionIds());
        // no shutdown hook, no stop: the parent kills this JVM with SIGKILL, as a crash would
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * A context, not started, with a Vert.x server on 127.0.0.1 and the port, and the route {@code
     * preservica-webhook:<name>?trigger=INDEXED} (route id {@code name}) handing each event to {@code onEvent}.
     * Preservica and the credentials are read from {@code settings} under the keys {@link #SERVER}, {@link #USER},
     * {@link #PASSWORD}, {@link #TENANT} and {@link #SECRET}; nothing comes from the machine's own environment.
     */
    static CamelContext receiverContext(Map<String, String> settings, int port, String name, Processor onEvent)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(WebhookTestSupport.LOOPBACK);
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        // the receiver URL defaults from the REST host: loopback, as the server listens there only
        context.getRestConfiguration().setHost(WebhookTestSupport.LOOPBACK);
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        component.setCredentialResolver(WebhookTestSupport.isolatedCredentials());
        PreservicaWebhookConfiguration defaults = component.getConfiguration();
        defaults.setServer(required(settings, SERVER));
        defaults.setUsername(required(settings, USER));
        defaults.setPassword(required(settings, PASSWORD));
        defaults.setTenant(required(settings, TENANT));
        defaults.setSecret(required(settings, SECRET));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:" + name + "?trigger=INDEXED" + settings.getOrDefault(MORE_OPTIONS, ""))
                        .routeId(name).process(onEvent);
            }
        });
        return context;
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The receiver needs the environment variable " + key);
        }
        return value;
    }

    /**
     * Whether someone else holds the port, asked after the failed start has released whatever this JVM bound. Camel's
     * Vert.x server only logs a bind failure and starts anyway, so the start fails later, when Preservica's challenge
     * reaches the other process and is not answered; the cause of the failure does not show the clash.
     */
    private static boolean isTakenByAnotherProcess(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(WebhookTestSupport.LOOPBACK))) {
            return false;
        } catch (BindException e) {
            return true;
        }
    }

    /**
     * Whether this JVM's Vert.x server listens: Vert.x says so only on its implementation class, and the port it
     * reports is the one asked for even after the bind failed.
     */
    private static boolean listens(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        return server != null && server.getServer() instanceof TCPServerBase tcp && tcp.isListening();
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
