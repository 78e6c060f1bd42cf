package io.github.camelpreservica.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One webhook delivery as Preservica posts it (docs/protocol.md section 4): the subscription it belongs to, when and
 * for which tenant it was sent, and one or more events. Top-level fields this class does not name are kept.
 */
@JsonPropertyOrder({ "subscriptionId", "timestamp", "tenant", "version", "events", "trigger" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WebhookDelivery {

    private final String subscriptionId;
    private final String timestamp;
    private final String tenant;
    private final String version;
    private final String trigger;
    private final List<WebhookEvent> events;
    private final Map<String, Object> otherFields;

    public WebhookDelivery(String subscriptionId, String timestamp, String tenant, String version, String trigger,
            List<WebhookEvent> events, Map<String, Object> otherFields) {
        this.subscriptionId = subscriptionId;
        this.timestamp = timestamp;
        this.tenant = tenant;
        this.version = version;
        this.trigger = trigger;
        this.events = List.copyOf(events);
        this.otherFields = otherFields == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    /** As sent, without a zone, e.g. {@code 2023-10-11T10:52:42.469}. */
    public String getTimestamp() {
        return timestamp;
    }

    public String getTenant() {
        return tenant;
    }

    /** The Preservica version that sent the delivery, e.g. {@code 6.10}. */
    public String getVersion() {
        return version;
    }

    /** The trigger's wire value, e.g. {@code FULL_TEXT_INDEXED}. */
    public String getTrigger() {
        return trigger;
    }

    /**
     * The events in the order sent. Each carries the delivery-level fields too; when written as part of the
     * delivery those are left out so the JSON keeps Preservica's shape.
     */
    @JsonIgnoreProperties({ "subscriptionId", "trigger", "timestamp", "tenant" })
    @JsonProperty("events")
    public List<WebhookEvent> getEvents() {
        return events;
    }

    /** Top-level fields this class does not name, kept as sent; never null. */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WebhookDelivery that)) {
            return false;
        }
        return Objects.equals(subscriptionId, that.subscriptionId) && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(tenant, that.tenant) && Objects.equals(version, that.version)
                && Objects.equals(trigger, that.trigger) && events.equals(that.events)
                && otherFields.equals(that.otherFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subscriptionId, timestamp, tenant, version, trigger, events, otherFields);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[subscriptionId=" + subscriptionId + ", trigger=" + trigger + ", tenant=" + tenant
                + ", timestamp=" + timestamp + ", events=" + events.size() + "]";
    }
}
