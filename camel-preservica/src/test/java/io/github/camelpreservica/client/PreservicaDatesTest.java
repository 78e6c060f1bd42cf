package io.github.camelpreservica.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreservicaDatesTest {

    private static final Instant MILLIS = Instant.parse("2026-02-12T16:12:40.123Z");

    @Test
    void readsAColonOffsetWithMicroseconds() {
        assertEquals(Instant.parse("2026-02-12T16:12:40.123456Z"),
                PreservicaDates.parse("2026-02-12T16:12:40.123456+00:00"));
    }

    @Test
    void readsZulu() {
        assertEquals(MILLIS, PreservicaDates.parse("2026-02-12T16:12:40.123Z"));
    }

    @Test
    void readsAnOffsetWithoutColon() {
        assertEquals(Instant.parse("2026-02-12T16:12:40Z"), PreservicaDates.parse("2026-02-12T16:12:40.000+0000"));
        assertEquals(Instant.parse("2026-02-12T15:12:40Z"), PreservicaDates.parse("2026-02-12T16:12:40+0100"));
    }

    @Test
    void readsAnyFractionLengthAndNone() {
        assertEquals(Instant.parse("2026-02-12T16:12:40.1Z"), PreservicaDates.parse("2026-02-12T16:12:40.1Z"));
        assertEquals(Instant.parse("2026-02-12T16:12:40.123456789Z"),
                PreservicaDates.parse("2026-02-12T16:12:40.123456789+00:00"));
        assertEquals(Instant.parse("2026-02-12T16:12:40Z"), PreservicaDates.parse("2026-02-12T16:12:40Z"));
    }

    @Test
    void takesADateWithoutOffsetAsUtc() {
        assertEquals(MILLIS, PreservicaDates.parse("2026-02-12T16:12:40.123"));
    }

    @Test
    void sendsMillisecondsAndZ() {
        assertEquals("2026-02-12T16:12:40.123Z", PreservicaDates.format(Instant.parse("2026-02-12T16:12:40.123999Z")));
    }

    @Test
    void refusesTextThatIsNoDate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreservicaDates.parse("yesterday"));
        assertEquals("'yesterday' is not an ISO-8601 date Preservica would send", e.getMessage());
    }
}
