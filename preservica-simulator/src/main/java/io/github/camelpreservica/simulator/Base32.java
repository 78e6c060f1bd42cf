package io.github.camelpreservica.simulator;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 Base32 decoding, the encoding authenticator apps use for TOTP seeds. */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Decodes a seed; spaces, dashes and padding are ignored and lowercase is accepted, as authenticators do. */
    static byte[] decode(String text) {
        String cleaned = text.replace(" ", "").replace("-", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            int value = ALPHABET.indexOf(cleaned.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a Base32 character at position " + i + " of the seed");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
