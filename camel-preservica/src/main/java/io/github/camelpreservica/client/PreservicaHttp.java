package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link PreservicaRequest}s with bounded retries. Uses the JDK's {@link HttpClient}: no dependency to align
 * in Karaf, Quarkus or Spring Boot, thread-safe, with connect and per-request timeouts built in. HTTP/1.1 is forced
 * because that is what Preservica's documentation and pyPreservica use.
 * <p>
 * Retries, with exponential backoff from {@code retryBackoff} up to 5 s, at most {@code maxRetries} times: every
 * request after a failure to connect or a 503 (the server did not act on it). Repeatable requests (GET, login) also
 * after 502, 504, a read timeout or a broken connection; others (subscribe, unsubscribe, refresh, two-factor
 * completion) not then, because the server may have acted already: a repeated subscribe would create a second
 * subscription, a repeated refresh would present a spent refresh token.
 */
final class PreservicaHttp {

    static final String TOKEN_HEADER = "Preservica-Access-Token";
    private static final Logger LOG = LoggerFactory.getLogger(PreservicaHttp.class);
    private static final int EXCERPT_LENGTH = 200;

    private final PreservicaClientConfig config;
    private final HttpClient httpClient;

    PreservicaHttp(PreservicaClientConfig config) {
        this.config = config;
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // a redirect would carry the access token to wherever it points
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the request, retrying as described on the class. Answers with any status are returned, including a
     * final 502/503/504 after the retries ran out; only the absence of an answer throws.
     *
     * @param token the access token to send, or null for login calls
     * @throws PreservicaUnreachableException if no answer came after the retries
     */
    <T> HttpResponse<T> send(PreservicaRequest request, String token, HttpResponse.BodyHandler<T> bodyHandler) {
        int attempt = 0;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            try {
                HttpResponse<T> response = httpClient.send(toHttpRequest(request, token), bodyHandler);
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.debug("{} answered {} in {} ms (attempt {})", request, response.statusCode(), millis, attempt);
                if (!isRetryableStatus(request, response.statusCode()) || attempt > config.maxRetries()) {
                    return response;
                }
                discard(response);
                LOG.debug("{} answered {}: retrying", request, response.statusCode());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (attempt > config.maxRetries()) {
                    throw new PreservicaUnreachableException("Preservica at " + config.baseUri()
                            + " is unreachable (connect timeout " + format(config.connectTimeout()) + "): "
                            + describe(e) + afterAttempts(attempt), e);
                }
                LOG.debug("{} could not connect ({}): retrying", request, describe(e));
            } catch (HttpTimeoutException e) {
                if (!request.repeatable() || attempt > config.maxRetries()) {
                    throw new PreservicaTimeoutException("Preservica at " + config.baseUri() + " did not answer "
                            + request + " within the read timeout of " + format(config.readTimeout())
                            + afterAttempts(attempt), e);
                }
                LOG.debug("{} timed out: retrying", request);
            } catch (IOException e) {
                if (!request.repeatable() || attempt > config.maxRetries()) {
                    throw new PreservicaUnreachableException("Preservica at " + config.baseUri() + " failed during "
                            + request + ": " + describe(e) + afterAttempts(attempt), e);
                }
                LOG.debug("{} failed ({}): retrying", request, describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PreservicaException("Interrupted while waiting for Preservica to answer " + request);
            }
            pause(request, attempt);
        }
    }

    private HttpRequest toHttpRequest(PreservicaRequest request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUri() + request.pathAndQuery()))
                .timeout(config.readTimeout());
        if (token != null) {
            builder.header(TOKEN_HEADER, token);
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static boolean isRetryableStatus(PreservicaRequest request, int status) {
        return status == 503 || request.repeatable() && (status == 502 || status == 504);
    }

    private void pause(PreservicaRequest request, int attempt) {
        long base = config.retryBackoff().toMillis();
        long max = PreservicaClientConfig.MAX_RETRY_BACKOFF.toMillis();
        long delay = Math.min(max, base << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreservicaException("Interrupted while waiting to retry " + request);
        }
    }

    /** Releases the body of an answer that will not be read (streams hold a connection until closed). */
    static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.trace("Ignoring failure to close a discarded response body", e);
            }
        }
    }

    /** The first ~200 characters of a body as text, for error messages. */
    static String excerpt(HttpResponse<?> response) {
        Object body = response.body();
        String text;
        if (body instanceof byte[] bytes) {
            text = new String(bytes, 0, Math.min(bytes.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8);
        } else if (body instanceof InputStream stream) {
            try (stream) {
                text = new String(stream.readNBytes(EXCERPT_LENGTH * 4), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
        } else {
            text = body == null ? "" : body.toString();
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    private static String afterAttempts(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    void close() {
        // HttpClient is closeable from Java 21 on; on 17 its selector thread ends once it is unreachable
        if (httpClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Ignoring failure to close the HTTP client", e);
            }
        }
    }
}
