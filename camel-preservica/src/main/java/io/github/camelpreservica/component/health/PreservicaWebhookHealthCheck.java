package io.github.camelpreservica.component.health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one preservica-webhook consumer: UP once its receiving path is open, DOWN (with the reason) before
 * and while stopping. The subscriptions do not hold it down: a Kubernetes Service sends traffic, Preservica's
 * challenge included, only to ready pods, so waiting for the subscription would wait for ever. Their state goes into
 * the details, with a warning when deliveries keep failing their signature check; neither turns the check DOWN, since
 * anyone who reaches the receiver can send badly signed requests. Not a liveness check: restarting would not help.
 */
public class PreservicaWebhookHealthCheck extends AbstractHealthCheck {

    /** Signature mismatches in a row, with no correctly signed delivery between, that make the details warn. */
    public static final int SIGNATURE_MISMATCH_WARNING_THRESHOLD = 5;
    static final String SIGNATURE_WARNING = "deliveries are failing their signature check: is the secret the one Preservica has?";

    private final SubscriptionReadiness receiver;

    public PreservicaWebhookHealthCheck(SubscriptionReadiness receiver, String routeId) {
        super("camel", "consumer:preservica-webhook-" + routeId);
        this.receiver = receiver;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("subscription.state", receiver.subscriptionState().name());
        builder.detail("subscription.ids", String.join(",", receiver.subscriptionIds()));
        Throwable lastError = receiver.lastError();
        if (lastError != null) {
            // the message only: the client's and the keeper's messages name user and server, never a secret
            builder.detail("subscription.lastError", String.valueOf(lastError.getMessage()));
        }
        if (receiver.webhookUrl() != null) {
            builder.detail("webhook.url", receiver.webhookUrl());
        }
        receiver.catchUpDetails().forEach(builder::detail);
        long mismatches = receiver.consecutiveSignatureMismatches();
        builder.detail("deliveries.signatureMismatchesInARow", mismatches);
        if (mismatches >= SIGNATURE_MISMATCH_WARNING_THRESHOLD) {
            builder.detail("deliveries.warning", SIGNATURE_WARNING);
            builder.message(SIGNATURE_WARNING);
        }
        if (receiver.isReady()) {
            builder.up();
            return;
        }
        builder.message(receiver.notReadyReason());
        builder.down();
    }
}
