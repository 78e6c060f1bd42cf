package org.apache.camel.component.preservica.webhook;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads the body of a request received by platform-http-vertx, from the paused Vert.x request itself.
 * <p>
 * Why not let platform-http read it: its streaming mode copies the whole body (to a temporary file when large) before
 * the route sees anything, whatever its size and however slowly it arrives, and its default mode parses
 * {@code application/x-www-form-urlencoded} bodies into form fields, losing the raw bytes the signature covers. Here
 * the bytes are counted as they arrive: the answer is 413 as soon as the limit is passed, and 408 when the body has
 * not arrived in time; in both cases the connection is closed after the answer, so the rest is never read.
 * <p>
 * Only this class names Vert.x types, and it is loaded only when the engine is Vert.x (the dependency is optional).
 */
final class VertxRequestBody {

    /** Thrown when the body did not arrive in time. */
    static final class BodyTimeoutException extends IOException {
        BodyTimeoutException(long timeoutMillis) {
            super("The request body did not arrive within " + timeoutMillis + " ms");
        }
    }

    private VertxRequestBody() {
    }

    static boolean isVertxRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * The whole body, or null when it is larger than {@code maxBodySize} (declared or counted).
     *
     * @throws BodyTimeoutException if it did not arrive within the timeout
     */
    static byte[] read(Object body, Long declaredLength, long maxBodySize, long timeoutMillis) throws IOException {
        HttpServerRequest request = (HttpServerRequest) body;
        if (declaredLength != null && declaredLength > maxBodySize) {
            closeAfterAnswer(request);
            return null;
        }
        if (request.isEnded()) {
            return new byte[0];
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

    /** The rest of the body is not wanted: close the connection once the answer is written. */
    private static void closeAfterAnswer(HttpServerRequest request) {
        request.response().putHeader("Connection", "close");
        request.response().endHandler(ended -> request.connection().close());
    }
}
