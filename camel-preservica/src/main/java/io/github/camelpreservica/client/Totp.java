package io.github.camelpreservica.client;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226) as authenticator apps compute them: HMAC-SHA1, 30 second
 * steps, 6 digits, seed in Base32. Written here to avoid a dependency for forty lines.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The 6-digit code for a Base32 seed at the given instant. */
    static String code(String base32Seed, Instant now) {
        return code(base32Decode(base32Seed), now.getEpochSecond(), DIGITS);
    }

    /** The code of {@code digits} digits for a raw key at the given Unix time, zero-padded. */
    static String code(byte[] key, long epochSeconds, int digits) {
        long counter = Math.floorDiv(epochSeconds, STEP_SECONDS);
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute HmacSHA1 for two-factor codes", e);
        }
        // RFC 4226 dynamic truncation: 31 bits starting at the offset named by the last nibble
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        StringBuilder code = new StringBuilder(Integer.toString(binary % modulus));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    /**
     * RFC 4648 Base32, tolerant as authenticator apps are: case-insensitive, blanks and {@code =} padding ignored.
     *
     * @throws IllegalArgumentException for any other character (the message does not echo the seed)
     */
    static byte[] base32Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bitsInBuffer = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '=' || c == ' ' || c == '-') {
                continue;
            }
            int value = BASE32_ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException(
                        "The two-factor seed is not Base32: it may only hold the letters A-Z and the digits 2-7");
            }
            buffer = (buffer << 5) | value;
            bitsInBuffer += 5;
            if (bitsInBuffer >= 8) {
                bitsInBuffer -= 8;
                out.write((buffer >> bitsInBuffer) & 0xff);
            }
        }
        if (out.size() == 0) {
            throw new IllegalArgumentException("The two-factor seed is empty");
        }
        return out.toByteArray();
    }
}
