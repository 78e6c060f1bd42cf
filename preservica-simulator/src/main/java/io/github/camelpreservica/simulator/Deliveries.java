package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds, signs and sends deliveries, and keeps a record of every attempt. */
final class Deliveries {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Subscriptions subscriptions;
    private final WebhookSender sender;
    private final String version;
    private final List<DeliveryRecord> records = new CopyOnWriteArrayList<>();
    private final FailedDeliveries failed = new FailedDeliveries(pending -> attempt(pending.subscriptionId(),
            pending.url(), pending.body(), pending.signature(), pending.chunked()));

    /** @param version the {@code major.minor} written in every body, e.g. {@code 7.0} */
    Deliveries(Subscriptions subscriptions, WebhookSender sender, String version) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.version = version;
    }

    /** One delivery per target subscription, sent one after the other; returns once all were answered. */
    List<DeliveryRecord> fire(FireRequest request) {
        List<SimulatedSubscription> targets;
        if (request.subscriptionId() != null) {
            SimulatedSubscription only = subscriptions.get(request.subscriptionId());
            if (only == null) {
                throw new IllegalArgumentException("No subscription with id " + request.subscriptionId());
            }
            targets = List.of(only);
        } else {
            targets = subscriptions.forTrigger(request.trigger());
        }
        List<DeliveryRecord> sent = new ArrayList<>();
        for (SimulatedSubscription subscription : targets) {
            String timestamp = LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
            byte[] body = body(subscription.id(), timestamp, subscription.tenant(), version, request,
                    subscription.includeIdentifiers());
            sent.add(send(subscription, body, WebhookSigning.deliverySignature(subscription.secret(), body),
                    request.chunked()));
        }
        return sent;
    }

    /** Sends arbitrary bytes and signature (null for none) to a subscription's URL. */
    DeliveryRecord sendRaw(String subscriptionId, byte[] body, String signature, boolean chunked) {
        SimulatedSubscription subscription = subscriptions.get(subscriptionId);
        if (subscription == null) {
            throw new IllegalArgumentException("No subscription with id " + subscriptionId);
        }
        return send(subscription, body, signature, chunked);
    }

    /** Sends the identical bytes and signature again, to the same URL, even if the subscription is gone. */
    DeliveryRecord redeliver(DeliveryRecord original) {
        DeliveryRecord again = sender.deliver(original.subscriptionId(), original.url(), original.body(),
                original.signature(), original.chunked());
        records.add(again);
        return again;
    }

    FailedDeliveries failed() {
        return failed;
    }

    List<DeliveryRecord> all() {
        return List.copyOf(records);
    }

    void clear() {
        failed.clear();
        records.clear();
    }

    /** Sends, unless earlier deliveries are queued for the subscription; a refused one goes to {@link #failed}. */
    private DeliveryRecord send(SimulatedSubscription subscription, byte[] body, String signature, boolean chunked) {
        FailedDeliveries.Pending pending = new FailedDeliveries.Pending(subscription.id(), subscription.url(), body,
                signature, chunked);
        if (failed.mustWait(subscription.id())) {
            failed.failed(pending);
            return new DeliveryRecord(subscription.id(), subscription.url(), body, signature, -1,
                    "queued behind earlier deliveries the receiver has not accepted", chunked, java.time.Instant.now());
        }
        DeliveryRecord record = attempt(subscription.id(), subscription.url(), body, signature, chunked);
        if (!record.accepted()) {
            failed.failed(pending);
        }
        return record;
    }

    private DeliveryRecord attempt(String subscriptionId, String url, byte[] body, String signature, boolean chunked) {
        DeliveryRecord record = sender.deliver(subscriptionId, url, body, signature, chunked);
        records.add(record);
        return record;
    }

    /** The compact JSON body, fields in the order of Preservica's published sample. */
    static byte[] body(String subscriptionId, String timestamp, String tenant, String version, FireRequest request,
                       boolean includeIdentifiers) {
        ObjectNode root = HttpExchanges.JSON.createObjectNode();
        root.put("subscriptionId", subscriptionId);
        root.put("timestamp", timestamp);
        root.put("tenant", tenant);
        root.put("version", version);
        ArrayNode events = root.putArray("events");
        for (FireRequest.Event event : request.events()) {
            ObjectNode node = events.addObject();
            node.put("event", request.eventName());
            node.put("entityType", event.entityType());
            node.put("entityRef", event.entityRef());
            ArrayNode identifiers = node.putArray("identifiers");
            if (includeIdentifiers) {
                for (FireRequest.Identifier identifier : request.identifiers()) {
                    identifiers.addObject().put("type", identifier.type()).put("value", identifier.value());
                }
            }
        }
        root.put("trigger", request.trigger().wireValue());
        try {
            return HttpExchanges.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a delivery body", e);
        }
    }
}
