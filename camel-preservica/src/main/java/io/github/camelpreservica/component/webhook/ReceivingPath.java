package io.github.camelpreservica.component.webhook;

import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;

/**
 * The limits of one receiving path as an engine-side guard (see {@link ReceivingPaths}) must apply them, and the
 * counters its refusals go to, so that JMX counts them as if the consumer had refused them itself.
 */
public final class ReceivingPath {

    private final long maxBodySize;
    private final WebhookStatistics statistics;

    ReceivingPath(long maxBodySize, WebhookStatistics statistics) {
        this.maxBodySize = maxBodySize;
        this.statistics = statistics;
    }

    /** The largest body accepted, in bytes (maxBodySize): over it, 413. */
    public long maxBodySize() {
        return maxBodySize;
    }

    /** How long a body may take to arrive, in milliseconds: after that, 408. */
    public long bodyReadTimeoutMillis() {
        return RequestBodyReader.BODY_READ_TIMEOUT_MILLIS;
    }

    public void refusedMethod() {
        statistics.rejected(Rejection.METHOD_NOT_ALLOWED);
    }

    public void refusedTooLarge() {
        statistics.rejected(Rejection.TOO_LARGE);
    }

    public void refusedTooSlow() {
        statistics.rejected(Rejection.BODY_TIMEOUT);
    }
}
