package org.apache.camel.component.preservica.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A receiver in a JVM of its own, for {@link ReceiverCrashTest} to kill: subscribes {@code preservica-webhook:<name>}
 * to INDEXED at the given Preservica, prints {@value #READY} and the subscription id, and runs until killed.
 * Arguments: Preservica base URL, local port, endpoint name.
 */
public final class CrashingReceiverMain {

    static final String READY = "RECEIVER READY ";

    private CrashingReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = receiverContext(args[0], Integer.parseInt(args[1]), args[2]);
        context.start();
        PreservicaWebhookConsumer consumer = (PreservicaWebhookConsumer) context.getRoute(args[2]).getConsumer();
        System.out.println(READY + consumer.getSubscriptionIds());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * A context, not started, with a Vert.x server on the port and the route {@code preservica-webhook:<name>} to
     * {@code mock:events}, subscribing to INDEXED at the given Preservica with the test credentials.
     */
    static CamelContext receiverContext(String server, int port, String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost(WebhookTestSupport.LOOPBACK);
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        context.getRestConfiguration().setHost(WebhookTestSupport.LOOPBACK);
        PreservicaWebhookComponent component = context.getComponent("preservica-webhook",
                PreservicaWebhookComponent.class);
        component.setCredentialResolver(WebhookTestSupport.isolatedCredentials());
        PreservicaWebhookConfiguration defaults = component.getConfiguration();
        defaults.setServer(server);
        defaults.setUsername(WebhookTestSupport.USERNAME);
        defaults.setPassword(WebhookTestSupport.PASSWORD);
        defaults.setTenant(WebhookTestSupport.TENANT);
        defaults.setSecret(WebhookTestSupport.SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:" + name + "?trigger=INDEXED").routeId(name).to("mock:events");
            }
        });
        return context;
    }
}
