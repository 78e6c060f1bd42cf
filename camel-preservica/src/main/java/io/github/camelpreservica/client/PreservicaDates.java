package io.github.camelpreservica.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dates of Preservica's change queries. Clients in the wild write them differently
 * ({@code 2026-02-12T16:12:40.123456+00:00}, {@code 2026-02-12T16:12:40.123Z}, {@code ...40.000+0000}): all of them
 * are read, one is sent (milliseconds, {@code Z}).
 */
public final class PreservicaDates {

    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private PreservicaDates() {
    }

    /** Milliseconds and {@code Z}, e.g. {@code 2026-02-12T16:12:40.123Z}: what this client sends. */
    public static String format(Instant instant) {
        return SENT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads an ISO-8601 date with an offset ({@code Z}, {@code +00:00} or {@code +0000}) and a fraction of any
     * length (or none); without an offset it is taken as UTC, like the deliveries' timestamps.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A Preservica date is empty");
        }
        String value = text.strip();
        if (value.matches(".*[+-]\\d{4}$")) {
            value = value.substring(0, value.length() - 2) + ":" + value.substring(value.length() - 2);
        } else if (value.matches(".*[+-]\\d{2}$") && value.indexOf('T') > 0) {
            value = value + ":00";
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date Preservica would send");
            }
        }
    }
}
