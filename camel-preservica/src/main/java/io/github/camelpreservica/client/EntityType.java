package io.github.camelpreservica.client;

import java.util.Locale;

/** The two kinds of Preservica entity a thumbnail can belong to: an asset (IO) or a folder (SO). */
public enum EntityType {
    /** Information object, an asset. */
    IO,
    /** Structural object, a folder. */
    SO;

    /**
     * Accepts {@code IO}, {@code SO}, {@code asset} or {@code folder}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static EntityType fromString(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "io":
            case "asset":
                return IO;
            case "so":
            case "folder":
                return SO;
            default:
                throw new IllegalArgumentException(
                        "Unknown Preservica entity type '" + value + "': valid values are IO (asset) and SO (folder)");
        }
    }
}
