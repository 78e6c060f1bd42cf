package io.github.camelpreservica.component.health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one preservica-webhook consumer: DOWN, with the reason, until its receiving path is open and
 * Preservica has a subscription for each of its triggers. Not a liveness check: a receiver waiting for Preservica is
 * alive, and restarting it would not help.
 */
public class PreservicaWebhookHealthCheck extends AbstractHealthCheck {

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
        builder.detail("subscription.ids", String.join(",", receiver.subscriptionIds()));
        if (receiver.webhookUrl() != null) {
            builder.detail("webhook.url", receiver.webhookUrl());
        }
        receiver.catchUpDetails().forEach(builder::detail);
        if (receiver.isReady()) {
            builder.up();
            return;
        }
        builder.message(receiver.notReadyReason());
        if (receiver.lastError() != null) {
            builder.error(receiver.lastError());
        }
        builder.down();
    }
}
