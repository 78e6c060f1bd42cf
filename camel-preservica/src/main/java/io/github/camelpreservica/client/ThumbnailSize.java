package io.github.camelpreservica.client;

import java.util.Locale;

/** The thumbnail sizes Preservica's content API offers. */
public enum ThumbnailSize {
    SMALL, MEDIUM, LARGE;

    /** The value of the {@code size} query parameter. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ThumbnailSize fromString(String value) {
        String wanted = value == null ? "" : value.trim();
        for (ThumbnailSize size : values()) {
            if (size.name().equalsIgnoreCase(wanted)) {
                return size;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Preservica thumbnail size '" + value + "': valid values are small, medium and large");
    }
}
