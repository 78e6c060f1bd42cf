package io.github.camelpreservica.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulator's outbound HTTP: the subscription challenge and the signed deliveries. */
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient client;
    private final Duration challengeTimeout;
    private final Duration deliveryTimeout;
    private final SecureRandom random = new SecureRandom();

    WebhookSender(Duration challengeTimeout, Duration deliveryTimeout) {
        this.challengeTimeout = challengeTimeout;
        this.deliveryTimeout = deliveryTimeout;
        // HTTP/1.1 only: a body of unknown length then goes out chunked, as real deliveries probably do
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(challengeTimeout.compareTo(deliveryTimeout) > 0 ? challengeTimeout : deliveryTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Performs the URL validation handshake: {@code POST url?challengeCode=…} with an empty body.
     *
     * @return null when the receiver answered correctly, else the reason it did not
     */
    String challenge(String url, String secret) {
        String code = newChallengeCode();
        URI target = URI.create(url + (url.contains("?") ? "&" : "?") + "challengeCode="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(challengeTimeout)
                .POST(BodyPublishers.noBody())
                .build();
        String failure = checkChallengeAnswer(request, code, secret);
        LOG.info("challenge POST {} -> {}", url, failure == null ? "passed" : "failed: " + failure);
        return failure;
    }

    private String checkChallengeAnswer(HttpRequest request, String code, String secret) {
        HttpResponse<String> response;
        try {
            response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return describe(e, request.uri(), challengeTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for " + hostAndPort(request.uri());
        }
        if (response.statusCode() != 200) {
            return "the receiver answered the challenge with HTTP " + response.statusCode() + " instead of 200";
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return "the challenge answer has Content-Type '" + contentType + "' instead of application/json";
        }
        JsonNode answer;
        try {
            answer = HttpExchanges.JSON.readTree(response.body());
        } catch (IOException e) {
            return "the challenge answer is not valid JSON";
        }
        if (answer == null || !answer.isObject()) {
            return "the challenge answer is not a JSON object";
        }
        if (!code.equals(answer.path("challengeCode").asText(null))) {
            return "the challenge answer does not echo the challengeCode";
        }
        if (!WebhookSigning.challengeResponse(secret, code).equals(answer.path("challengeResponse").asText(null))) {
            return "the challengeResponse does not match HMAC-SHA256 of the code with the subscription's secret";
        }
        return null;
    }

    /** Sends a body as is, with the given signature header (omitted when null). */
    DeliveryRecord deliver(String subscriptionId, String url, byte[] body, String signature, boolean chunked) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(deliveryTimeout)
                .header("Content-Type", "application/json");
        if (signature != null) {
            builder.header("Preservica-Signature", signature);
        }
        byte[] copy = body.clone();
        // a publisher of unknown length makes java.net.http send Transfer-Encoding: chunked
        BodyPublisher publisher = chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(copy))
                : BodyPublishers.ofByteArray(copy);
        HttpRequest request = builder.POST(publisher).build();
        Instant sentAt = Instant.now();
        int status = -1;
        String error = null;
        try {
            status = client.send(request, BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            error = describe(e, request.uri(), deliveryTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while delivering to " + hostAndPort(request.uri());
        }
        LOG.info("delivery POST {} ({} bytes, {}) -> {}", url, copy.length, chunked ? "chunked" : "content-length",
                error == null ? String.valueOf(status) : error);
        return new DeliveryRecord(subscriptionId, url, copy, signature, status, error, chunked, sentAt);
    }

    private static String describe(IOException e, URI uri, Duration timeout) {
        if (e instanceof HttpTimeoutException) {
            return "no answer from " + hostAndPort(uri) + " within " + timeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "could not connect to " + hostAndPort(uri);
        }
        if (e.getMessage() != null && e.getMessage().contains("received no bytes")) {
            return hostAndPort(uri) + " closed the connection without an HTTP answer";
        }
        return e.getClass().getSimpleName() + " talking to " + hostAndPort(uri)
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
    }

    private String newChallengeCode() {
        // opaque to receivers; URL-safe Base64 so it is not just hex
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
