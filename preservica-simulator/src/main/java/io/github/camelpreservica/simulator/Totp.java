package io.github.camelpreservica.simulator;

import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords as Preservica's two-factor login uses them: HMAC-SHA1, 30 s, 6 digits. */
public final class Totp {

    private static final long STEP_SECONDS = 30;

    private Totp() {
    }

    /** The 6-digit code for a Base32 seed at the given instant. */
    public static String code(String base32Seed, Instant at) {
        return codeForStep(Base32.decode(base32Seed), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** Accepts the code of the current step and of the neighbouring ones, to allow for clock drift. */
    static boolean accepts(String base32Seed, String candidate, Instant now) {
        if (candidate == null || !candidate.matches("\\d{6}")) {
            return false;
        }
        byte[] key = Base32.decode(base32Seed);
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        for (long s = step - 1; s <= step + 1; s++) {
            if (codeForStep(key, s).equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static String codeForStep(byte[] key, long step) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step & 0xFF);
            step >>= 8;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(counter);
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                    | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JDK", e);
        }
    }
}
