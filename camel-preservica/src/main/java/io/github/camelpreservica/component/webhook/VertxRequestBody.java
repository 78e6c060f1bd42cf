package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Reads the body of a request received by platform-http-vertx, from the paused Vert.x request itself.
 * <p>
 * Why not let platform-http read it: its streaming mode copies the whole body (to a temporary file when large) before
 * the route sees anything, whatever its size and however slowly it arrives, and its default mode parses
 * {@code application/x-www-form-urlencoded} bodies into form fields, losing the raw bytes the signature covers. Here
 * the bytes are counted as they arrive: the answer is 413 as soon as the limit is passed, and 408 when the body has
 * not arrived in time; in both cases the connection is closed after the answer, so the rest is never read.
 * <p>
 * The body is collected on the event loop by a Vert.x route placed just ahead of platform-http's own
 * ({@link #readAhead}), so the route's worker thread finds it complete and never waits on the event loop: waiting
 * cost two thread switches a delivery, more than the signature and the parse together. When that route could not be
 * placed, the worker reads the paused request itself as a fallback (and the consumer says so in a warning); once it is
 * placed there is no such fallback, except for HTTP/2 requests, which Vert.x does not let be read ahead and paused.
 * One instance a consumer: the collected bodies are that consumer's.
 * <p>
 * Only this class names Vert.x types, and it is loaded only when the engine is Vert.x (the dependency is optional).
 */
final class VertxRequestBody {

    private enum Outcome {
        COMPLETE, TOO_LARGE, TOO_SLOW, FAILED
    }

    /** What the event loop collected for one request, until the route's thread takes it. */
    private record Collected(Outcome outcome, byte[] bytes, Throwable failure) {
    }

    // keyed by the request object (identity), which platform-http hands the route as the message body
    private final Map<HttpServerRequest, Collected> collected = new ConcurrentHashMap<>();
    private final long maxBodySize;
    private final long timeoutMillis;
    // what removes the read-ahead route; null when none is placed (the body is then read on the route's thread)
    private volatile Runnable readingAhead;

    /** One a consumer: bodies over {@code maxBodySize} are refused, and those slower than the timeout. */
    VertxRequestBody(long maxBodySize, long timeoutMillis) {
        this.maxBodySize = maxBodySize;
        this.timeoutMillis = timeoutMillis;
    }

    static boolean isVertxRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * Places, on the Vert.x router serving {@code platformHttpConsumer}, a route for the same path that collects POST
     * bodies on the event loop before the consumer's own route dispatches the request to a worker thread. Call it
     * after the consumer is created and before it is started, so that the new route comes first.
     *
     * @return null when placed, else why not (the body is then read by {@link #read} on the route's thread, which
     * holds that thread while the body arrives)
     */
    String readAhead(Consumer platformHttpConsumer) {
        if (!(platformHttpConsumer.getEndpoint() instanceof PlatformHttpEndpoint endpoint)) {
            return "the HTTP consumer's endpoint is a " + platformHttpConsumer.getEndpoint().getClass().getName()
                    + ", not platform-http's";
        }
        VertxPlatformHttpRouter router = routerOf(endpoint);
        if (router == null) {
            return "no VertxPlatformHttpRouter is registered for port " + serverPort(endpoint) + " (nor '"
                    + VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO + "')";
        }
        // the same path platform-http-vertx gives its own route
        String path = endpoint.getPath();
        if (endpoint.isMatchOnUriPrefix() && !path.endsWith("*")) {
            path += "*";
        }
        path = path.replaceAll("\\{([^/}]+)\\}", ":$1");
        Route route = router.route(HttpMethod.POST, path).handler(ctx -> new BodyCollector(ctx).start());
        readingAhead = route::remove;
        return null;
    }

    /** Removes the read-ahead route, if placed. */
    void stopReadingAhead() {
        Runnable remove = readingAhead;
        readingAhead = null;
        if (remove != null) {
            remove.run();
        }
        collected.clear();
    }

    private static int serverPort(PlatformHttpEndpoint endpoint) {
        PlatformHttpEngine engine = endpoint.getPlatformHttpEngine() != null
                ? endpoint.getPlatformHttpEngine()
                : endpoint.getComponent().getEngine();
        return engine == null ? -1 : engine.getServerPort();
    }

    /** The router platform-http-vertx's consumer looks up: named after the engine's port, or the "-0" one. */
    private static VertxPlatformHttpRouter routerOf(PlatformHttpEndpoint endpoint) {
        PlatformHttpEngine engine = endpoint.getPlatformHttpEngine() != null
                ? endpoint.getPlatformHttpEngine()
                : endpoint.getComponent().getEngine();
        if (engine == null) {
            return null;
        }
        CamelContext context = endpoint.getCamelContext();
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
        return router != null
                ? router
                : VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
    }

    /**
     * The whole body, or null when it is larger than {@code maxBodySize} (declared or counted).
     *
     * @throws BodyTimeoutException if it did not arrive within the timeout
     * @throws IllegalStateException if the read-ahead route is placed but did not collect this HTTP/1.x POST's body: it
     *     is not then read here, which would hold the route's thread while it arrives
     */
    byte[] read(Object body, Long declaredLength) throws IOException {
        HttpServerRequest request = (HttpServerRequest) body;
        Collected ahead = collected.remove(request);
        if (declaredLength != null && declaredLength > maxBodySize) {
            closeAfterAnswer(request);
            return null;
        }
        if (ahead != null) {
            return takeCollected(request, ahead);
        }
        if (request.isEnded()) {
            return new byte[0];
        }
        // HTTP/2 bodies are left to this thread on purpose (see BodyCollector#start); any other is a fault
        if (readingAhead != null && request.version() != HttpVersion.HTTP_2) {
            closeAfterAnswer(request);
            throw new IllegalStateException("The body of a " + request.method().name() + " to " + request.path()
                    + " was not collected ahead, though the read-ahead route is in place");
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        Buffer received = Buffer.buffer();
        request.handler(chunk -> {
            if (done.isDone()) {
                return;
            }
            if ((long) received.length() + chunk.length() > maxBodySize) {
                done.complete(null);
                return;
            }
            received.appendBuffer(chunk);
        });
        request.exceptionHandler(done::completeExceptionally);
        request.endHandler(end -> done.complete(received.getBytes()));
        request.resume();
        try {
            byte[] bytes = done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (bytes == null) {
                closeAfterAnswer(request);
            }
            return bytes;
        } catch (TimeoutException e) {
            closeAfterAnswer(request);
            throw new BodyTimeoutException(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAfterAnswer(request);
            throw new IOException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            closeAfterAnswer(request);
            throw new IOException("The request body could not be read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private byte[] takeCollected(HttpServerRequest request, Collected collected) throws IOException {
        switch (collected.outcome()) {
            case COMPLETE:
                return collected.bytes();
            case TOO_LARGE:
                closeAfterAnswer(request);
                return null;
            case TOO_SLOW:
                closeAfterAnswer(request);
                throw new BodyTimeoutException(timeoutMillis);
            default:
                closeAfterAnswer(request);
                throw new IOException("The request body could not be read: " + collected.failure().getMessage(),
                        collected.failure());
        }
    }

    /** The rest of the body is not wanted: close the connection once the answer is written. */
    private static void closeAfterAnswer(HttpServerRequest request) {
        request.response().putHeader("Connection", "close");
        request.response().endHandler(ended -> request.connection().close());
    }

    /**
     * Collects one request's body on its event loop with the same limits as {@link #read}, then hands the request on
     * to platform-http's route. Every callback runs on that one event loop, so plain fields suffice.
     */
    private final class BodyCollector implements Handler<Buffer> {
        private final RoutingContext ctx;
        private final HttpServerRequest request;
        private Buffer received;
        private long timerId = -1;
        private boolean finished;

        BodyCollector(RoutingContext ctx) {
            this.ctx = ctx;
            this.request = ctx.request();
        }

        void start() {
            Long declared = RequestBodyReader.contentLength(request.getHeader("Content-Length"));
            // HTTP/2 (h2c upgrade, prior knowledge, TLS with ALPN): platform-http pauses the request after this route,
            // and Vert.x refuses to pause an HTTP/2 request already read to its end (500 "Request has already been
            // read"), so its body is read on the route's thread instead, where pausing comes first
            if (request.version() == HttpVersion.HTTP_2) {
                ctx.next();
                return;
            }
            if (request.isEnded() || declared != null && declared > maxBodySize) {
                // nothing to read, or nothing worth reading: the route's thread answers from the headers alone
                ctx.next();
                return;
            }
            // the declared length sizes the buffer, but only up to a bound: it is the sender's word, not bytes
            received = Buffer.buffer(declared != null ? (int) Math.max(0, Math.min(declared, 64 * 1024)) : 1024);
            request.handler(this);
            request.exceptionHandler(failure -> finish(new Collected(Outcome.FAILED, null, failure)));
            request.endHandler(end -> finish(new Collected(Outcome.COMPLETE, received.getBytes(), null)));
            timerId = ctx.vertx().setTimer(timeoutMillis, id -> {
                timerId = -1;
                finish(new Collected(Outcome.TOO_SLOW, null, null));
            });
            // an earlier handler (authentication, for example) may have paused it
            request.resume();
        }

        @Override
        public void handle(Buffer chunk) {
            if (finished) {
                return;
            }
            if ((long) received.length() + chunk.length() > maxBodySize) {
                finish(new Collected(Outcome.TOO_LARGE, null, null));
                return;
            }
            received.appendBuffer(chunk);
        }

        private void finish(Collected outcome) {
            if (finished) {
                return;
            }
            finished = true;
            if (timerId >= 0) {
                ctx.vertx().cancelTimer(timerId);
            }
            if (outcome.outcome() != Outcome.COMPLETE) {
                // read no further; the connection is closed once the route's thread has answered
                request.pause();
            }
            collected.put(request, outcome);
            // when the request never reaches the consumer's route (e.g. refused by an authentication handler)
            ctx.addEndHandler(ended -> collected.remove(request));
            ctx.next();
        }
    }
}
