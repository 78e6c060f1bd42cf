package io.github.camelpreservica.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to deliver: one trigger, one or more events carried together in a single delivery per matching
 * subscription. Build with {@code FireRequest.trigger("INDEXED").event("IO", ref).build()}.
 */
public final class FireRequest {

    /** One event of a delivery: {@code entityType} is {@code IO} (asset) or {@code SO} (folder). */
    public record Event(String entityType, String entityRef) {
        public Event {
            Objects.requireNonNull(entityType, "entityType");
            Objects.requireNonNull(entityRef, "entityRef");
        }
    }

    /** An identifier attached to every event, sent only to subscriptions that asked for identifiers. */
    public record Identifier(String type, String value) {
    }

    private final Trigger trigger;
    private final List<Event> events;
    private final List<Identifier> identifiers;
    private final boolean chunked;
    private final String subscriptionId;
    private final String eventName;

    private FireRequest(Builder builder) {
        this.trigger = builder.trigger;
        this.events = List.copyOf(builder.events);
        this.identifiers = List.copyOf(builder.identifiers);
        this.chunked = builder.chunked;
        this.subscriptionId = builder.subscriptionId;
        this.eventName = builder.eventName;
    }

    /**
     * Starts a request for a trigger given as seed name ({@code INDEXED}) or wire value ({@code FULL_TEXT_INDEXED}).
     */
    public static Builder trigger(String trigger) {
        return new Builder(Trigger.parse(trigger));
    }

    public static Builder trigger(Trigger trigger) {
        return new Builder(trigger);
    }

    public Trigger trigger() {
        return trigger;
    }

    public List<Event> events() {
        return events;
    }

    public List<Identifier> identifiers() {
        return identifiers;
    }

    public boolean chunked() {
        return chunked;
    }

    /** Only this subscription receives the delivery; null means every subscription of the trigger. */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** The {@code event} name written in each event. */
    public String eventName() {
        return eventName != null ? eventName : trigger.eventName();
    }

    public static final class Builder {
        private final Trigger trigger;
        private final List<Event> events = new ArrayList<>();
        private final List<Identifier> identifiers = new ArrayList<>();
        private boolean chunked = true;
        private String subscriptionId;
        private String eventName;

        private Builder(Trigger trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
        }

        /** Adds an event; {@code entityType} is {@code IO} or {@code SO} (other values are sent as given). */
        public Builder event(String entityType, String entityRef) {
            events.add(new Event(entityType, entityRef));
            return this;
        }

        /** Adds an identifier to every event (e.g. {@code "title", "Ærøskøbing"}). */
        public Builder identifier(String type, String value) {
            identifiers.add(new Identifier(type, value));
            return this;
        }

        /** Adds identifiers to every event, in the map's iteration order. */
        public Builder identifiers(Map<String, String> typeToValue) {
            new LinkedHashMap<>(typeToValue).forEach(this::identifier);
            return this;
        }

        /** True (default) sends {@code Transfer-Encoding: chunked}; false sends a {@code Content-Length}. */
        public Builder chunked(boolean chunked) {
            this.chunked = chunked;
            return this;
        }

        /** Delivers to this subscription only (it must exist; its trigger type is not checked). */
        public Builder toSubscription(String subscriptionId) {
            this.subscriptionId = subscriptionId;
            return this;
        }

        /** Overrides the {@code event} name, e.g. to test how a receiver copes with unknown names. */
        public Builder eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        public FireRequest build() {
            if (events.isEmpty()) {
                throw new IllegalArgumentException("A delivery needs at least one event: call event(type, ref)");
            }
            return new FireRequest(this);
        }
    }
}
