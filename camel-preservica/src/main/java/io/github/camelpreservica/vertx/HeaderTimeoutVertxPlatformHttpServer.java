package io.github.camelpreservica.vertx;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Camel's Vert.x platform-http server, plus time limits on request heads: a new connection that has not delivered a
 * complete request line and headers within {@code requestHeaderTimeout} milliseconds is closed, and so is a
 * keep-alive connection whose next request head is not complete within {@code keepAliveTimeout} milliseconds of the
 * previous response. Vert.x itself has no such limits, so a client that dribbles its headers (slowloris) would
 * otherwise hold a connection open indefinitely.
 * <p>
 * Use it where you would use {@link VertxPlatformHttpServer}:
 *
 * <pre>
 * context.addService(new HeaderTimeoutVertxPlatformHttpServer(configuration));
 * </pre>
 *
 * and under Camel Main through {@link HeaderTimeoutMainHttpServerFactory}. It speaks HTTP/1.1 in clear text (the
 * cleartext HTTP/2 upgrade is off, so that a head can be timed from its first byte; HTTP/2 over TLS is unchanged). It
 * also fails to start, naming the address, when it cannot listen (the plain server only logs a warning and the routes
 * start without it).
 */
@ManagedResource(description = "Vert.x HTTP Server with a request head timeout")
public class HeaderTimeoutVertxPlatformHttpServer extends VertxPlatformHttpServer {

    /** The default time a new connection may take to send a complete request head, in milliseconds. */
    public static final long DEFAULT_REQUEST_HEADER_TIMEOUT = 20_000;
    /** The default time a keep-alive connection may take to send its next request head, in milliseconds. */
    public static final long DEFAULT_KEEP_ALIVE_TIMEOUT = 60_000;

    private static final Field VERTX_FIELD = vertxField();

    private final long requestHeaderTimeout;
    private final long keepAliveTimeout;
    private volatile RequestHeaderTimeout timeout;

    public HeaderTimeoutVertxPlatformHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        this(configuration, DEFAULT_REQUEST_HEADER_TIMEOUT, DEFAULT_KEEP_ALIVE_TIMEOUT);
    }

    /**
     * @param requestHeaderTimeout milliseconds a new connection may take to send a complete request head
     * @param keepAliveTimeout     milliseconds a keep-alive connection may take, after a response, to send the complete
     *                             head of its next request
     */
    public HeaderTimeoutVertxPlatformHttpServer(VertxPlatformHttpServerConfiguration configuration,
                                                long requestHeaderTimeout, long keepAliveTimeout) {
        super(configuration);
        this.requestHeaderTimeout = positive(requestHeaderTimeout, "requestHeaderTimeout");
        this.keepAliveTimeout = positive(keepAliveTimeout, "keepAliveTimeout");
    }

    static long positive(long millis, String option) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be a positive number of milliseconds, was " + millis);
        }
        return millis;
    }

    @ManagedAttribute(description = "Milliseconds a new connection may take to send a complete request head")
    public long getRequestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    @ManagedAttribute(description = "Milliseconds a keep-alive connection may take to send its next request head")
    public long getKeepAliveTimeout() {
        return keepAliveTimeout;
    }

    @ManagedAttribute(description = "New connections closed because their first request head did not arrive in time")
    public long getRequestHeaderTimeouts() {
        RequestHeaderTimeout current = timeout;
        return current == null ? 0 : current.cutOffCount();
    }

    @ManagedAttribute(description = "Connections open now")
    public int getOpenConnections() {
        RequestHeaderTimeout current = timeout;
        return current == null ? 0 : current.openConnections();
    }

    /**
     * Lets Camel's server start as usual, but hands it, for the one call it makes while starting ({@code
     * createHttpServer}), a Vert.x whose servers are watched. Vert.x takes a connection handler only before a server
     * listens, and Camel 4.18 offers no way in: the upstream change this stands for is a protected hook in
     * {@link VertxPlatformHttpServer} to configure the server before it listens. Until then the instance is swapped in
     * its private field for the duration of that one call.
     */
    @Override
    protected void startServer() throws Exception {
        Vertx vertx = getVertx();
        RequestHeaderTimeout watching = new RequestHeaderTimeout(vertx, requestHeaderTimeout, keepAliveTimeout);
        AtomicReference<AsyncResult<HttpServer>> listenResult = new AtomicReference<>();
        Vertx watchingVertx = (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(),
                new Class<?>[] { Vertx.class },
                (proxy, method, args) -> {
                    if ("createHttpServer".equals(method.getName()) && args != null && args.length == 1
                        && args[0] instanceof HttpServerOptions options) {
                        // with cleartext HTTP/2 on, Vert.x makes the connection only once the first head is complete
                        // (to see whether it asks to upgrade), too late to time that head
                        HttpServerOptions http1 = new HttpServerOptions(options).setHttp2ClearTextEnabled(false);
                        return watching.watch(vertx.createHttpServer(http1), listenResult);
                    }
                    return RequestHeaderTimeout.invoke(vertx, method, args);
                });
        timeout = watching;
        swapVertx(watchingVertx);
        try {
            super.startServer();
        } finally {
            swapVertx(vertx);
        }
        AsyncResult<HttpServer> listened = listenResult.get();
        if (listened == null || listened.failed()) {
            watching.stop();
            String cause = listened == null ? "no answer from Vert.x" : String.valueOf(listened.cause().getMessage());
            throw new IllegalStateException("The HTTP server could not listen on " + getHost() + ":"
                                            + getConfigurationPort() + ": " + cause,
                    listened == null ? null : listened.cause());
        }
    }

    private void swapVertx(Vertx vertx) {
        if (VERTX_FIELD == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " needs camel-platform-http-vertx 4.18, whose "
                                            + "VertxPlatformHttpServer keeps its Vert.x in a field named 'vertx'");
        }
        try {
            VERTX_FIELD.set(this, vertx);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field vertxField() {
        try {
            Field field = VertxPlatformHttpServer.class.getDeclaredField("vertx");
            field.setAccessible(true);
            return field.getType() == Vertx.class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    protected void stopServer() {
        try {
            super.stopServer();
        } finally {
            RequestHeaderTimeout current = timeout;
            if (current != null) {
                current.stop();
            }
        }
    }

    /**
     * Whether this context is served by Camel's plain Vert.x platform-http server, which puts no time limit on request
     * heads (and not by this one).
     */
    public static boolean servedWithoutHeaderTimeout(CamelContext context) {
        return context.hasServices(HeaderTimeoutVertxPlatformHttpServer.class).isEmpty()
               && !context.hasServices(VertxPlatformHttpServer.class).isEmpty();
    }
}
