package io.github.camelpreservica.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The events a Preservica webhook subscription can listen to. Users name them as pyPreservica does ({@code INDEXED});
 * on the wire Preservica uses its own values ({@code FULL_TEXT_INDEXED}), see docs/protocol.md section 2.
 */
public enum TriggerType {
    MOVED("MOVED"), INDEXED("FULL_TEXT_INDEXED"), SECURITY_CHANGED("CHANGED_SECURITY_DESCRIPTOR"), INGEST_FAILED(
            "INGEST_FAILED"), CHANGE_ASSET_VISIBILITY("CHANGE_ASSET_VISIBILITY");

    private final String wireValue;

    TriggerType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value Preservica sends and expects in {@code triggerType}. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Accepts either the user-facing name or the wire value, case-insensitively, ignoring surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the valid ones
     */
    public static TriggerType fromString(String nameOrWireValue) {
        String wanted = nameOrWireValue == null ? "" : nameOrWireValue.trim();
        for (TriggerType type : values()) {
            if (type.name().equalsIgnoreCase(wanted) || type.wireValue.equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Preservica trigger '" + nameOrWireValue + "': valid values are " + describeValidValues());
    }

    /** The trigger whose wire value this is, or {@code null}: for tolerant parsing of what the server sends. */
    static TriggerType fromWireValueOrNull(String wireValue) {
        if (wireValue == null) {
            return null;
        }
        for (TriggerType type : values()) {
            if (type.wireValue.equalsIgnoreCase(wireValue.trim())) {
                return type;
            }
        }
        return null;
    }

    /**
     * Parses a comma separated list such as {@code "INDEXED, MOVED"}, keeping its order.
     *
     * @throws IllegalArgumentException if the list is empty, holds an unknown trigger or names one trigger twice
     */
    public static List<TriggerType> parseList(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException(
                    "No Preservica trigger given: name at least one of " + describeValidValues());
        }
        List<TriggerType> triggers = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException(
                        "Empty entry in Preservica trigger list '" + commaSeparated + "'");
            }
            TriggerType trigger = fromString(part);
            if (triggers.contains(trigger)) {
                throw new IllegalArgumentException(
                        "Preservica trigger " + trigger + " appears twice in '" + commaSeparated + "'");
            }
            triggers.add(trigger);
        }
        return Collections.unmodifiableList(triggers);
    }

    private static String describeValidValues() {
        return Stream.of(values())
                .map(t -> t.name().equals(t.wireValue) ? t.name() : t.name() + " (" + t.wireValue + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
