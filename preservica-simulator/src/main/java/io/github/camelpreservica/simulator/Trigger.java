package io.github.camelpreservica.simulator;

import java.util.Locale;

/**
 * The five webhook trigger types. Only {@code FullTextIndexed} is a documented event name; the other event names
 * are guesses (nobody outside Preservica has published them) and receivers must not rely on them.
 */
public enum Trigger {
    MOVED("MOVED", "Moved"), INDEXED("FULL_TEXT_INDEXED", "FullTextIndexed"), SECURITY_CHANGED(
            "CHANGED_SECURITY_DESCRIPTOR", "ChangedSecurityDescriptor"), INGEST_FAILED("INGEST_FAILED",
                    "IngestFailed"), CHANGE_ASSET_VISIBILITY("CHANGE_ASSET_VISIBILITY", "ChangeAssetVisibility");

    private final String wireValue;
    private final String eventName;

    Trigger(String wireValue, String eventName) {
        this.wireValue = wireValue;
        this.eventName = eventName;
    }

    /** The {@code triggerType} value on the wire, e.g. {@code FULL_TEXT_INDEXED}. */
    public String wireValue() {
        return wireValue;
    }

    /** The {@code event} name put in each event of a delivery. */
    public String eventName() {
        return eventName;
    }

    /** Accepts the seed name ({@code INDEXED}) or the wire value ({@code FULL_TEXT_INDEXED}), in any case. */
    public static Trigger parse(String text) {
        if (text != null) {
            String upper = text.trim().toUpperCase(Locale.ROOT);
            for (Trigger trigger : values()) {
                if (trigger.name().equals(upper) || trigger.wireValue.equals(upper)) {
                    return trigger;
                }
            }
        }
        throw new IllegalArgumentException("Unknown trigger '" + text + "': expected one of MOVED, INDEXED"
                + " (FULL_TEXT_INDEXED), SECURITY_CHANGED (CHANGED_SECURITY_DESCRIPTOR), INGEST_FAILED,"
                + " CHANGE_ASSET_VISIBILITY");
    }

    /** Only the exact wire value, as the REST API of Preservica expects it; null when it is not one. */
    static Trigger fromWireValue(String text) {
        for (Trigger trigger : values()) {
            if (trigger.wireValue.equals(text)) {
                return trigger;
            }
        }
        return null;
    }
}
