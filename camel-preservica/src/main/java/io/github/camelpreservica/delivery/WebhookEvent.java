package io.github.camelpreservica.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event of a delivery, carrying the delivery's subscription id, trigger, timestamp and tenant as well, so that
 * an event split from its delivery still says where it came from. JavaBean getters make {@code ${body.entityRef}}
 * work in the simple language; Jackson writes it back as JSON with the fields Preservica sent that this class does
 * not know kept under their own names.
 */
@JsonPropertyOrder({ "event", "entityType", "entityRef", "deleted", "identifiers", "subscriptionId", "trigger",
        "timestamp",
        "tenant" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WebhookEvent {

    private final String event;
    private final String entityType;
    private final String entityRef;
    private final Boolean deleted;
    private final List<Map<String, Object>> identifiers;
    private final Map<String, Object> otherFields;
    private final String subscriptionId;
    private final String trigger;
    private final String timestamp;
    private final String tenant;

    private WebhookEvent(Builder builder) {
        this.event = builder.event;
        this.entityType = builder.entityType;
        this.entityRef = builder.entityRef;
        this.deleted = builder.deleted;
        this.identifiers = builder.identifiers == null ? List.of() : Collections.unmodifiableList(builder.identifiers);
        this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherFields));
        this.subscriptionId = builder.subscriptionId;
        this.trigger = builder.trigger;
        this.timestamp = builder.timestamp;
        this.tenant = builder.tenant;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event name, e.g. {@code FullTextIndexed}; names for other triggers are not documented. */
    public String getEvent() {
        return event;
    }

    /** {@code IO} (asset) or {@code SO} (folder), or whatever else Preservica sends. */
    public String getEntityType() {
        return entityType;
    }

    /** The entity's reference (a UUID). */
    public String getEntityRef() {
        return entityRef;
    }

    /**
     * True when the entity was deleted, false when a catch-up found it changed but not deleted; null on live
     * deliveries, which do not say (Preservica fires no webhook for a deletion).
     */
    public Boolean getDeleted() {
        return deleted;
    }

    /** The entity's identifiers as sent (objects such as {@code {"type":"title","value":"..."}}); never null. */
    public List<Map<String, Object>> getIdentifiers() {
        return identifiers;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    /** The delivery's trigger as Preservica sends it, e.g. {@code FULL_TEXT_INDEXED}. */
    public String getTrigger() {
        return trigger;
    }

    /** The delivery's timestamp exactly as sent (no zone is given, e.g. {@code 2023-10-11T10:52:42.469}). */
    public String getTimestamp() {
        return timestamp;
    }

    public String getTenant() {
        return tenant;
    }

    /** Fields of the event this class does not name, kept as sent; never null. */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WebhookEvent that)) {
            return false;
        }
        return Objects.equals(event, that.event) && Objects.equals(entityType, that.entityType)
                && Objects.equals(entityRef, that.entityRef) && Objects.equals(deleted, that.deleted)
                && identifiers.equals(that.identifiers)
                && otherFields.equals(that.otherFields) && Objects.equals(subscriptionId, that.subscriptionId)
                && Objects.equals(trigger, that.trigger) && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(tenant, that.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, entityType, entityRef, deleted, identifiers, otherFields, subscriptionId, trigger,
                timestamp, tenant);
    }

    @Override
    public String toString() {
        return "WebhookEvent[event=" + event + ", entityType=" + entityType + ", entityRef=" + entityRef
                + (deleted != null ? ", deleted=" + deleted : "") + ", trigger=" + trigger + ", subscriptionId="
                + subscriptionId
                + "]";
    }

    /** Assembles an event; used by {@link DeliveryParser} and by tests. */
    public static final class Builder {
        private String event;
        private String entityType;
        private String entityRef;
        private Boolean deleted;
        private List<Map<String, Object>> identifiers;
        private final Map<String, Object> otherFields = new LinkedHashMap<>();
        private String subscriptionId;
        private String trigger;
        private String timestamp;
        private String tenant;

        private Builder() {
        }

        public Builder event(String event) {
            this.event = event;
            return this;
        }

        public Builder entityType(String entityType) {
            this.entityType = entityType;
            return this;
        }

        public Builder entityRef(String entityRef) {
            this.entityRef = entityRef;
            return this;
        }

        /** Whether the entity was deleted; leave unset (null) when the source does not say. */
        public Builder deleted(Boolean deleted) {
            this.deleted = deleted;
            return this;
        }

        public Builder identifiers(List<Map<String, Object>> identifiers) {
            this.identifiers = identifiers;
            return this;
        }

        public Builder otherField(String name, Object value) {
            this.otherFields.put(name, value);
            return this;
        }

        /** Copies the delivery-level fields onto the event. */
        public Builder delivery(String subscriptionId, String trigger, String timestamp, String tenant) {
            this.subscriptionId = subscriptionId;
            this.trigger = trigger;
            this.timestamp = timestamp;
            this.tenant = tenant;
            return this;
        }

        public WebhookEvent build() {
            return new WebhookEvent(this);
        }
    }
}
