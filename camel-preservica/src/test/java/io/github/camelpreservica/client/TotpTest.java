package io.github.camelpreservica.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TotpTest {

    // RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} the 8-digit code is {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130" })
    void matchesTheRfc6238Sha1TestVectors(long epochSeconds, String expected) {
        assertEquals(expected, Totp.code(RFC_SEED, epochSeconds, 8));
    }

    @Test
    void givesSixDigitCodesAsAuthenticatorAppsDo() {
        // the RFC vector at 59 s is 94287082; the 6-digit code is its last six digits
        assertEquals("287082", Totp.code(RFC_SEED, 59, Totp.DIGITS));
    }

    @Test
    void keepsLeadingZeros() {
        assertEquals("07081804", Totp.code(RFC_SEED, 1111111109, 8));
    }

    @Test
    void decodesTheBase32FormOfTheRfcSeed() {
        // RFC 4648 Base32 of "12345678901234567890"
        assertArrayEquals(RFC_SEED, Totp.base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertEquals("287082", Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Instant.ofEpochSecond(59)));
    }

    @Test
    void decodesBase32CaseInsensitivelyIgnoringBlanksAndPadding() {
        assertArrayEquals(Totp.base32Decode("JBSWY3DPEHPK3PXP"), Totp.base32Decode("jbsw y3dp ehpk 3pxp"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MY======"));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MZXW6YTBOI======"));
    }

    @Test
    void changesCodeEveryThirtySeconds() {
        String seed = "JBSWY3DPEHPK3PXP";
        assertEquals(Totp.code(seed, Instant.ofEpochSecond(30)), Totp.code(seed, Instant.ofEpochSecond(59)));
        assertFalse(Totp.code(seed, Instant.ofEpochSecond(59)).equals(Totp.code(seed, Instant.ofEpochSecond(60))));
    }

    @Test
    void rejectsSeedThatIsNotBase32WithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Totp.base32Decode("SECRET18"));
        assertFalse(e.getMessage().contains("SECRET18"));
    }
}
