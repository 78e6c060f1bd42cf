package io.github.camelpreservica.component.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code preservica-webhook} dev console: for each route that receives Preservica's webhooks, where it listens,
 * its subscriptions, the counters of what it received and, with catchUp, the checkpoint and the last round. Read
 * under Camel Main at {@code /observe/dev-console/preservica-webhook}, or with {@code camel get} style tools. Holds no
 * secret.
 */
@DevConsole(name = "preservica-webhook", displayName = "Preservica Webhook",
            description = "Subscriptions and deliveries of the preservica-webhook consumers")
public class PreservicaWebhookDevConsole extends AbstractDevConsole {

    public PreservicaWebhookDevConsole() {
        super("camel", "preservica-webhook", "Preservica Webhook",
                "Subscriptions and deliveries of the preservica-webhook consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> consumer : consumers()) {
            text.append('\n');
            consumer.forEach((name, value) -> text.append(String.format("    %s: %s%n", name, value)));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (Map<String, Object> consumer : consumers()) {
            list.add(new JsonObject(consumer));
        }
        root.put("consumers", list);
        return root;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof PreservicaWebhookConsumer consumer) {
                answer.add(describe(route, consumer));
            }
        }
        return answer;
    }

    private static Map<String, Object> describe(Route route, PreservicaWebhookConsumer consumer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("routeId", route.getRouteId());
        fields.put("uri", route.getEndpoint().getEndpointBaseUri());
        fields.put("webhookPath", consumer.getWebhookPath());
        fields.put("webhookUrl", consumer.getWebhookUrl());
        fields.put("subscriptionIds", consumer.getSubscriptionIds());
        fields.put("subscriptionLeader", consumer.isSubscriptionLeader());
        fields.put("subscribed", consumer.isSubscribed());
        fields.put("subscriptionState", consumer.getSubscriptionState());
        fields.put("consecutiveSignatureMismatches", consumer.getConsecutiveSignatureMismatches());
        fields.put("deliveriesAccepted", consumer.getDeliveriesAccepted());
        fields.put("deliveriesFailed", consumer.getDeliveriesFailed());
        fields.put("duplicates", consumer.getDuplicates());
        fields.put("challengesAnswered", consumer.getChallengesAnswered());
        fields.put("inFlight", consumer.getInFlight());
        fields.put("rejectedTotal", consumer.getRejectedTotal());
        fields.put("rejectedBadSignature", consumer.getRejectedBadSignature());
        long last = consumer.statistics().lastAcceptedAt();
        fields.put("lastDelivery", last == 0 ? null : Instant.ofEpochMilli(last).toString());
        if (!consumer.catchUpDetails().isEmpty()) {
            fields.put("catchUpCheckpoint", consumer.getCatchUpCheckpoint());
            fields.put("catchUpBehindMillis", consumer.getCatchUpBehindMillis());
            fields.put("catchUpLastRound", consumer.getCatchUpLastRound());
            fields.put("catchUpLastRoundChanges", consumer.getCatchUpLastRoundChanges());
        }
        return fields;
    }
}
