package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.camel.Consumer;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;

/**
 * Reads one consumer's request bodies within its limits: never more than maxBodySize bytes held (the declared length
 * is checked before anything is read, and reading stops one byte past the limit), and never longer than
 * {@link #BODY_READ_TIMEOUT_MILLIS} waited for. On Vert.x the bodies are read from the paused request by a
 * {@link VertxRequestBody} this reader owns, collected on the event loop ahead of the route once
 * {@link #readBodiesAhead} placed it; on other engines the body is a stream read on the route's thread.
 */
final class RequestBodyReader {

    /** How long a body may take to arrive; real deliveries are a few KiB and take milliseconds. */
    static final long BODY_READ_TIMEOUT_MILLIS = 10_000;
    // arrays can hold at most about this many bytes
    private static final long LARGEST_READABLE_BODY = Integer.MAX_VALUE - 16;
    private static final String VERTX_ENGINE_PACKAGE = "org.apache.camel.component.platform.http.vertx.";
    // Vert.x is an optional dependency: VertxRequestBody is only touched when it is there
    private static final boolean VERTX_AVAILABLE = isOnClasspath("io.vertx.core.http.HttpServerRequest");

    private final long maxBodySize;
    // set only on a Vert.x engine; a Vert.x type, so never touched when Vert.x is absent
    private volatile VertxRequestBody vertxBodies;

    RequestBodyReader(long maxBodySize) {
        this.maxBodySize = Math.min(maxBodySize, LARGEST_READABLE_BODY);
    }

    long maxBodySize() {
        return maxBodySize;
    }

    /**
     * The body as bytes, read once; null when it is larger than maxBodySize. The declared length is checked before
     * anything is read, and reading stops one byte past the limit, so a chunked body cannot make us hold more.
     */
    byte[] read(Message request) throws IOException, InvalidPayloadException {
        Long declared = declaredLength(request);
        Object body = request.getBody();
        if (VERTX_AVAILABLE && VertxRequestBody.isVertxRequest(body)) {
            VertxRequestBody bodies = vertxBodies;
            if (bodies == null) {
                // a Vert.x request on an engine not recognised as Vert.x: read it here, with the same limits
                bodies = new VertxRequestBody(maxBodySize, BODY_READ_TIMEOUT_MILLIS);
            }
            return bodies.read(body, declared);
        }
        if (declared != null && declared > maxBodySize) {
            return null;
        }
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] array) {
            bytes = array;
        } else {
            InputStream stream = body instanceof InputStream in ? in : request.getBody(InputStream.class);
            if (stream == null) {
                bytes = request.getMandatoryBody(byte[].class);
            } else {
                try (stream) {
                    bytes = readAtMost(stream, declared, (int) Math.min(maxBodySize + 1, Integer.MAX_VALUE - 8));
                }
            }
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    /**
     * On Vert.x, has the body of every POST collected on the event loop before platform-http dispatches the request to
     * the route's thread (see {@link VertxRequestBody#readAhead}); call between creating and starting the consumer.
     *
     * @return null when read-ahead is placed or the engine is not Vert.x (the body is then read as a stream on the
     * route's thread); else why it could not be placed on this Vert.x engine
     */
    String readBodiesAhead(Consumer platformHttpConsumer) {
        if (!(platformHttpConsumer.getEndpoint() instanceof PlatformHttpEndpoint endpoint)
                || !isVertxEngine(endpoint.getComponent())) {
            return null;
        }
        VertxRequestBody bodies = new VertxRequestBody(maxBodySize, BODY_READ_TIMEOUT_MILLIS);
        vertxBodies = bodies;
        return bodies.readAhead(platformHttpConsumer);
    }

    /** Removes what {@link #readBodiesAhead} placed; safe to call when nothing was, and twice. */
    void stopReadingBodiesAhead() {
        VertxRequestBody bodies = vertxBodies;
        vertxBodies = null;
        if (bodies != null) {
            bodies.stopReadingAhead();
        }
    }

    /** Whether platform-http runs on Vert.x (platform-http-vertx, or Camel Main's server, which builds on it). */
    static boolean isVertxEngine(Object platformHttp) {
        if (!VERTX_AVAILABLE) {
            return false;
        }
        if (platformHttp instanceof PlatformHttpComponent component && component.getEngine() != null) {
            return component.getEngine().getClass().getName().startsWith(VERTX_ENGINE_PACKAGE);
        }
        return isOnClasspath(VERTX_ENGINE_PACKAGE + "VertxPlatformHttpEngine");
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, RequestBodyReader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Long declaredLength(Message request) {
        return contentLength(request.getHeader("Content-Length", String.class));
    }

    /** The value of a Content-Length header, or null when there is none or it is not a number. */
    static Long contentLength(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads a body stream, but never more than {@code limit} bytes (the caller passes one more than it accepts, so
     * that a body too large shows). The array is sized from {@code declared} (the Content-Length) when there is one,
     * so a body of that length is read into it with no copy; otherwise it starts at 2 KB and doubles, with one copy
     * to the exact length at the end.
     */
    static byte[] readAtMost(InputStream in, Long declared, int limit) throws IOException {
        int capacity = declared != null && declared >= 0 && declared < limit
                ? (int) (long) declared
                : Math.min(limit, 2048);
        byte[] buffer = new byte[capacity];
        int count = 0;
        while (true) {
            if (count == buffer.length) {
                if (count >= limit) {
                    return buffer;
                }
                int next = in.read();
                if (next < 0) {
                    return buffer;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(2L * buffer.length, 2048)));
                buffer[count++] = (byte) next;
                continue;
            }
            int read = in.read(buffer, count, buffer.length - count);
            if (read < 0) {
                return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
            }
            count += read;
        }
    }
}
