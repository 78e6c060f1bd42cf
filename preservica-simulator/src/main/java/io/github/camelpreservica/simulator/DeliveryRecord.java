package io.github.camelpreservica.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One delivery attempt: what was sent where, and how the receiver answered.
 *
 * @param body the exact bytes sent
 * @param signature the {@code Preservica-Signature} header sent, or null when none was
 * @param status the HTTP status answered, -1 when there was no answer
 * @param error why there was no answer (connection refused, timeout...), else null
 * @param chunked true when sent with {@code Transfer-Encoding: chunked}, false for {@code Content-Length}
 */
public record DeliveryRecord(String subscriptionId, String url, byte[] body, String signature, int status,
                             String error, boolean chunked, Instant sentAt) {

    public DeliveryRecord {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8, for assertions and the admin API. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when the receiver answered with a 2xx status. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "DeliveryRecord[subscriptionId=" + subscriptionId + ", url=" + url + ", bytes=" + body.length
                + ", status=" + status + (error != null ? ", error=" + error : "") + ", chunked=" + chunked
                + ", sentAt=" + sentAt + "]";
    }
}
