package io.github.camelpreservica.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook subscription as Preservica lists it. Fields this code does not know are kept in {@code attributes}
 * rather than rejected, because the list format is only partly documented.
 */
public record Subscription(String id, String url, String triggerType, Map<String, Object> attributes) {

    public Subscription {
        // not Map.copyOf: JSON attributes may hold nulls
        attributes = attributes == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The trigger, or empty when Preservica sent a wire value this version does not know. */
    public Optional<TriggerType> trigger() {
        return Optional.ofNullable(TriggerType.fromWireValueOrNull(triggerType));
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", url=" + url + ", triggerType=" + triggerType + "]";
    }
}
