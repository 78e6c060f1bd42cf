package io.github.camelpreservica.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 appendix B (SHA-1 seed "12345678901234567890", last six of the eight digits) and RFC 4648 Base32. */
class TotpTest {

    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void base32DecodesRfcSeed() {
        assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), Base32.decode(RFC_SEED));
    }

    @Test
    void base32AcceptsLowercaseSpacesAndPadding() {
        assertArrayEquals(Base32.decode("JBSWY3DPEHPK3PXP"), Base32.decode("jbsw y3dp ehpk 3pxp===="));
    }

    @Test
    void base32RejectsCharacterOutsideAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("JBSWY3DP1"));
    }

    @Test
    void codeMatchesRfc6238VectorAt59Seconds() {
        assertEquals("287082", Totp.code(RFC_SEED, Instant.ofEpochSecond(59)));
    }

    @Test
    void codeMatchesRfc6238VectorAt1111111109() {
        assertEquals("081804", Totp.code(RFC_SEED, Instant.ofEpochSecond(1111111109L)));
    }

    @Test
    void acceptsPreviousAndNextStepButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertTrue(Totp.accepts(RFC_SEED, Totp.code(RFC_SEED, now.minusSeconds(30)), now));
        assertTrue(Totp.accepts(RFC_SEED, Totp.code(RFC_SEED, now.plusSeconds(30)), now));
        assertFalse(Totp.accepts(RFC_SEED, Totp.code(RFC_SEED, now.minusSeconds(60)), now));
    }

    @Test
    void rejectsCodeThatIsNotSixDigits() {
        assertFalse(Totp.accepts(RFC_SEED, "12345", Instant.now()));
        assertFalse(Totp.accepts(RFC_SEED, null, Instant.now()));
    }
}
