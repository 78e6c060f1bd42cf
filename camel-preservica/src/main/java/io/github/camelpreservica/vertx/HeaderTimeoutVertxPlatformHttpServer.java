package io.github.camelpreservica.vertx;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.vertx.common.VertxHelper;
import org.apache.camel.support.TempDirHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * cleartext HTTP/2 upgrade is off: with it on, Vert.x makes the connection only once the first head is complete, to see
 * whether it asks to upgrade, too late to time that head; HTTP/2 over TLS is unchanged). It also fails to start, naming
 * the address, when it cannot listen (the plain server only logs a warning and the routes start without it).
 * <p>
 * Why it runs the server itself: Vert.x takes a connection handler only before a server listens, and Camel 4.18's
 * {@link VertxPlatformHttpServer} creates its server and listens in one method, with no hook in between. So this class
 * owns the whole lifecycle (Vert.x instance, routers, server) and keeps only what the parent's type is needed for: it
 * is found as a {@code VertxPlatformHttpServer} service, and its router is registered in the Camel registry as a
 * {@link VertxPlatformHttpRouter}, with the body handler and context path the parent gives. It serves routes only:
 * CORS, sessions and authentication are refused when the server is initialised (as it is added to the context),
 * naming the option, rather than dropped. That lifecycle is why the class is longer than most here; the
 * upstream change that would let it shrink to a few lines is in docs/design.md ("The head-timeout server").
 */
@ManagedResource(description = "Vert.x HTTP Server with a request head timeout")
public class HeaderTimeoutVertxPlatformHttpServer extends VertxPlatformHttpServer {

    /** The default time a new connection may take to send a complete request head, in milliseconds. */
    public static final long DEFAULT_REQUEST_HEADER_TIMEOUT = 20_000;
    /** The default time a keep-alive connection may take to send its next request head, in milliseconds. */
    public static final long DEFAULT_KEEP_ALIVE_TIMEOUT = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeoutVertxPlatformHttpServer.class);
    private static final String DEFAULT_UPLOADS_DIRECTORY = "${java.io.tmpdir}/camel/camel-tmp-#uuid#/";
    private static final long LISTEN_TIMEOUT_SECONDS = 30;

    private final VertxPlatformHttpServerConfiguration configuration;
    private final long requestHeaderTimeout;
    private final long keepAliveTimeout;
    private volatile Vertx vertx;
    // whether this server made the Vert.x instance (and so closes it), rather than finding or being given one
    private boolean localVertx;
    private Router router;
    private volatile HttpServer server;
    private volatile RequestHeaderTimeout timeout;

    public HeaderTimeoutVertxPlatformHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        this(configuration, DEFAULT_REQUEST_HEADER_TIMEOUT, DEFAULT_KEEP_ALIVE_TIMEOUT);
    }

    /**
     * @param requestHeaderTimeout milliseconds a new connection may take to send a complete request head
     * @param keepAliveTimeout milliseconds a keep-alive connection may take, after a response, to send the complete
     *     head of its next request
     */
    public HeaderTimeoutVertxPlatformHttpServer(VertxPlatformHttpServerConfiguration configuration,
            long requestHeaderTimeout, long keepAliveTimeout) {
        super(configuration);
        this.configuration = configuration;
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

    @Override
    public Vertx getVertx() {
        return vertx;
    }

    @Override
    public void setVertx(Vertx vertx) {
        if (ServiceHelper.isStarted(this)) {
            throw new IllegalArgumentException("Can't set the Vertx instance after the service has been started");
        }
        this.vertx = vertx;
        this.localVertx = false;
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        HttpServer current = server;
        return current != null ? current.actualPort() : configuration.getBindPort();
    }

    @Override
    protected void doInit() throws Exception {
        refuse(configuration.getCors().isEnabled(), "cors");
        refuse(configuration.getSessionConfig().isEnabled(), "sessionConfig");
        refuse(configuration.getAuthenticationConfig().isEnabled(), "authenticationConfig");
        if (vertx == null) {
            vertx = lookupVertx();
        }
    }

    @Override
    protected void doStart() throws Exception {
        initializeServer();
        startServer();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            stopServer();
        } finally {
            stopVertx();
        }
    }

    /** Makes the routers and registers the one routes are added to, as the parent does. */
    @Override
    protected void initializeServer() {
        if (vertx == null) {
            vertx = lookupVertx();
            if (vertx == null) {
                vertx = createVertxInstance();
                localVertx = true;
            }
        }
        router = Router.router(vertx);
        Router subRouter = Router.router(vertx);
        router.route(configuration.getPath() + "*").subRouter(subRouter);
        String name = VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort());
        Handler<RoutingContext> bodyHandler = bodyHandler();
        getCamelContext().getRegistry().bind(name,
                new VertxPlatformHttpRouter(this, vertx, subRouter, name, configuration.getServerType()) {
                    @Override
                    public Handler<RoutingContext> bodyHandler() {
                        return bodyHandler;
                    }
                });
    }

    /**
     * Creates the Vert.x server, watches its connections (the handler must be set before it listens), and waits until
     * it listens; fails naming the address when it cannot.
     */
    @Override
    protected void startServer() throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
        SSLContextParameters ssl = configuration.getSslContextParameters();
        if (ssl == null && configuration.isUseGlobalSslContextParameters()) {
            ssl = getCamelContext().getSSLContextParameters();
        }
        if (ssl != null) {
            VertxHelper.setupSSLOptions(getCamelContext(), ssl, options);
        }
        HttpServer created = vertx.createHttpServer(options);
        RequestHeaderTimeout watching = new RequestHeaderTimeout(vertx, requestHeaderTimeout, keepAliveTimeout);
        watching.watch(created);
        created.requestHandler(watching.noting(router));
        timeout = watching;
        try {
            created.listen(configuration.getBindPort(), configuration.getBindHost()).toCompletionStage()
                    .toCompletableFuture().get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            watching.stop();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("The HTTP server could not listen on " + getHost() + ":"
                    + getConfigurationPort() + ": " + cause.getMessage(), cause);
        }
        server = created;
        LOG.info("Vert.x HttpServer started on {}:{} (request head timeout {} ms, keep-alive timeout {} ms)",
                getHost(), created.actualPort(), requestHeaderTimeout, keepAliveTimeout);
    }

    @Override
    protected void stopServer() {
        HttpServer current = server;
        server = null;
        try {
            if (current != null) {
                // as the parent does: a restarted context makes its platform-http component afresh
                getCamelContext().removeComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME);
                await(current.close().toCompletionStage().toCompletableFuture(), "close the HTTP server");
                LOG.info("Vert.x HttpServer stopped");
            }
        } finally {
            RequestHeaderTimeout watching = timeout;
            if (watching != null) {
                watching.stop();
            }
        }
    }

    /** Closes the Vert.x instance if this server made it; one found in the registry or given belongs to others. */
    @Override
    protected void stopVertx() {
        Vertx current = vertx;
        if (current != null && localVertx) {
            vertx = null;
            localVertx = false;
            await(current.close().toCompletionStage().toCompletableFuture(), "close Vert.x");
        }
    }

    private static void await(java.util.concurrent.CompletableFuture<?> done, String what) {
        try {
            done.get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not {}: {}", what, e.getMessage());
        }
    }

    /** Platform-http's body handler, as the parent makes it (used by routes that do not read the body themselves). */
    private Handler<RoutingContext> bodyHandler() {
        BodyHandler handler = BodyHandler.create();
        if (configuration.getMaxBodySize() != null) {
            handler.setBodyLimit(configuration.getMaxBodySize());
        }
        VertxPlatformHttpServerConfiguration.BodyHandler settings = configuration.getBodyHandler();
        if (settings.isHandleFileUploads()) {
            String directory = settings.getUploadsDirectory() != null
                    ? settings.getUploadsDirectory()
                    : DEFAULT_UPLOADS_DIRECTORY;
            handler.setUploadsDirectory(TempDirHelper.resolveTempDir(getCamelContext(), null, directory));
        }
        handler.setDeleteUploadedFilesOnEnd(settings.isDeleteUploadedFilesOnEnd());
        handler.setMergeFormAttributes(settings.isMergeFormAttributes());
        handler.setPreallocateBodyBuffer(settings.isPreallocateBodyBuffer());
        return ctx -> {
            ctx.request().resume();
            handler.handle(ctx);
        };
    }

    private static void refuse(boolean enabled, String option) {
        if (enabled) {
            throw new IllegalArgumentException("The " + option + " option of VertxPlatformHttpServerConfiguration is "
                    + "not supported by " + HeaderTimeoutVertxPlatformHttpServer.class
                            .getSimpleName()
                    + ", which serves routes only: turn it off, or use Camel's "
                    + "VertxPlatformHttpServer");
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
