package io.github.camelpreservica.vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes HTTP connections that do not deliver a complete request head in time.
 * <p>
 * Vert.x puts no time limit on the request line and headers: a client that sends them a byte at a time (slowloris)
 * holds its connection for as long as it likes, and enough such clients exhaust the server's sockets. Here a
 * connection is watched while it waits for a request head: a new connection must complete its first head within the
 * head timeout, and a keep-alive connection its next head within the keep-alive timeout of the previous response's
 * end (longer by default: a pooled connection waiting for work is normal, and closing it races the client's next
 * request). A connection that has waited longer is closed. A request being processed is never cut off here: its body
 * has its own timeout.
 * <p>
 * One periodic timer scans the open connections, so a request costs a map lookup and an atomic write, and a timeout
 * is kept to within one scan interval (a quarter of the shorter timeout, at most a second). The decision to close and
 * the start of a request race on one atomic state: a request that arrives as its connection is being closed is not
 * handed to the route (its sender gets no answer and sends it again), so a request is never processed on a
 * connection that is then closed under it.
 */
final class RequestHeaderTimeout {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeaderTimeout.class);
    // the states of a connection other than "waiting since System.nanoTime() = t"
    private static final long BUSY = Long.MIN_VALUE;
    private static final long CLOSING = Long.MIN_VALUE + 1;

    /** One open connection, and the response to its latest request. */
    private static final class Watch {
        final HttpConnection connection;
        volatile HttpServerResponse current;
        // BUSY while a request runs, CLOSING once cut off, else when it was first seen waiting for a request head
        final AtomicLong state;

        Watch(HttpConnection connection, long now) {
            this.connection = connection;
            this.state = new AtomicLong(now);
        }

        boolean busy() {
            HttpServerResponse response = current;
            return response != null && !response.ended() && !response.closed();
        }
    }

    private final Vertx vertx;
    private final long headTimeoutMillis;
    private final long headTimeoutNanos;
    private final long keepAliveTimeoutNanos;
    private final Map<HttpConnection, Watch> connections = new ConcurrentHashMap<>();
    private final AtomicLong cutOff = new AtomicLong();
    private long timerId = -1;

    RequestHeaderTimeout(Vertx vertx, long headTimeoutMillis, long keepAliveTimeoutMillis) {
        this.vertx = vertx;
        this.headTimeoutMillis = headTimeoutMillis;
        this.headTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(headTimeoutMillis);
        this.keepAliveTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(keepAliveTimeoutMillis);
    }

    /** How often the connections are scanned: a quarter of the shorter timeout, between 50 ms and one second. */
    private long scanIntervalMillis() {
        long shorter = TimeUnit.NANOSECONDS.toMillis(Math.min(headTimeoutNanos, keepAliveTimeoutNanos));
        return Math.max(50, Math.min(1000, shorter / 4));
    }

    /**
     * Starts watching the connections of {@code server}, which must not be listening yet: Vert.x takes a connection
     * handler only before a server listens.
     */
    void watch(HttpServer server) {
        server.connectionHandler(this::opened);
        synchronized (this) {
            if (timerId < 0) {
                timerId = vertx.setPeriodic(scanIntervalMillis(), id -> scan());
            }
        }
    }

    /** Stops the scan and forgets the connections (the server closes them). */
    synchronized void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        connections.clear();
    }

    /** New connections closed so far because their first request head did not arrive in time. */
    long cutOffCount() {
        return cutOff.get();
    }

    /** Connections open now. */
    int openConnections() {
        return connections.size();
    }

    private void opened(HttpConnection connection) {
        connections.put(connection, new Watch(connection, System.nanoTime()));
        connection.closeHandler(closed -> connections.remove(connection));
    }

    /** The request handler to give the server: notes each request's start, then hands it to {@code handler}. */
    Handler<HttpServerRequest> noting(Handler<HttpServerRequest> handler) {
        return request -> {
            Watch watch = connections.get(request.connection());
            if (watch != null) {
                watch.current = request.response();
                if (watch.state.getAndSet(BUSY) == CLOSING) {
                    // cut off just now: the connection is closing under this request, which must not be processed
                    watch.state.set(CLOSING);
                    return;
                }
            }
            handler.handle(request);
        };
    }

    private void scan() {
        long now = System.nanoTime();
        for (Watch watch : connections.values()) {
            long state = watch.state.get();
            if (state == CLOSING) {
                continue;
            }
            if (watch.busy()) {
                if (state != BUSY) {
                    watch.state.compareAndSet(state, BUSY);
                }
                continue;
            }
            if (state == BUSY) {
                // the latest response has ended: from now on it waits for the next head
                watch.state.compareAndSet(BUSY, now);
                continue;
            }
            boolean fresh = watch.current == null;
            if (now - state >= (fresh ? headTimeoutNanos : keepAliveTimeoutNanos)
                    && watch.state.compareAndSet(state, CLOSING)) {
                connections.remove(watch.connection, watch);
                if (fresh) {
                    cutOff.incrementAndGet();
                }
                LOG.debug("Closing the connection from {}: {}", watch.connection.remoteAddress(), fresh
                        ? "no complete request head within " + headTimeoutMillis + " ms of opening"
                        : "no further request within the keep-alive timeout");
                watch.connection.close();
            }
        }
    }
}
