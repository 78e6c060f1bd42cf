package io.github.camelpreservica.benchmarks.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends single deliveries the way Preservica does (POST, chunked, signed) and reports the status, so the load
 * scripts can prove a server accepts the load body before they measure it.
 */
public final class DeliveryCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI target;

    public DeliveryCheck(URI target) {
        this.target = target;
    }

    /** POSTs the body with the given signature header; the body goes chunked, as it has no declared length. */
    public int post(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Preservica-Signature", signature)
                // an input stream publisher has no length: java.net.http then sends Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IOException("No answer from " + target + " within " + TIMEOUT.toSeconds() + " s: " + e, e);
        }
    }

    /** The same body with its last byte before the closing brace changed, keeping the original signature. */
    public static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        int index = copy.length - 3;
        copy[index] = (byte) (copy[index] == 'D' ? 'E' : 'D');
        return copy;
    }
}
