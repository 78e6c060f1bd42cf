package io.github.camelpreservica.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelpreservica.signing.ChallengeRefusedException.Reason;

/**
 * The HMAC-SHA256 rules of Preservica webhooks for one shared secret (docs/protocol.md sections 3 to 5): answering a
 * subscription challenge, and signing and verifying deliveries. Thread-safe and cheap to call per delivery.
 */
public final class WebhookSignatures {

    public static final String SIGNATURE_HEADER = "Preservica-Signature";
    public static final String SIGNED_PREFIX = "preservica-webhook-auth";
    /**
     * Longest challenge code answered, in characters. Real codes are short opaque tokens; 1024 leaves them ample
     * room while keeping what a stranger can make us hash and echo small.
     */
    public static final int MAX_CHALLENGE_CODE_LENGTH = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    private static final byte[] PREFIX_BYTES = SIGNED_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;
    // Mac is not thread-safe: callers get a clone of this initialised prototype (cloning skips key setup).
    private final Mac prototype;

    /** @throws IllegalArgumentException if the secret is null or blank (the message never shows the value) */
    public WebhookSignatures(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The Preservica webhook shared secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.prototype = newMac();
    }

    /**
     * The {@code challengeResponse} for a subscription challenge: lowercase hex of HMAC(secret, code as UTF-8).
     * <p>
     * A code starting with {@link #SIGNED_PREFIX} is refused: its answer would be the valid signature of whatever
     * follows the prefix, letting anyone forge deliveries. Empty codes are refused too: Preservica always sends a
     * code, and an empty one proves nothing about the receiver.
     *
     * @throws ChallengeRefusedException if the code is missing or empty, too long, or starts with the prefix
     */
    public String challengeResponse(String challengeCode) {
        if (challengeCode == null || challengeCode.isEmpty()) {
            throw new ChallengeRefusedException(Reason.MISSING, "The Preservica challenge has no challengeCode");
        }
        if (challengeCode.length() > MAX_CHALLENGE_CODE_LENGTH) {
            throw new ChallengeRefusedException(Reason.TOO_LONG, "The Preservica challengeCode has "
                    + challengeCode.length() + " characters, more than the " + MAX_CHALLENGE_CODE_LENGTH + " answered");
        }
        if (challengeCode.startsWith(SIGNED_PREFIX)) {
            throw new ChallengeRefusedException(Reason.SIGNING_ORACLE, "The Preservica challengeCode starts with '"
                    + SIGNED_PREFIX + "': answering it would sign a forged delivery");
        }
        return hex(mac().doFinal(challengeCode.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Preservica-Signature} of a delivery body: lowercase hex of HMAC(secret, prefix then body). */
    public String sign(byte[] body) {
        return hex(digest(body));
    }

    /** Whether the header is the signature of exactly this body; see {@link #check(byte[], String)}. */
    public boolean verify(byte[] body, String signatureHeader) {
        return check(body, signatureHeader).isValid();
    }

    /**
     * Checks a delivery's signature header against its raw body, comparing in constant time. The header must be
     * 64 hexadecimal characters (surrounding blanks ignored); Preservica sends lowercase, and uppercase is accepted
     * because it decodes to the same bytes. Anything else, such as a {@code sha256=} prefix, is malformed.
     */
    public SignatureCheck check(byte[] body, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return SignatureCheck.MISSING;
        }
        byte[] claimed = unhex(signatureHeader.strip());
        if (claimed == null || claimed.length != SIGNATURE_BYTES) {
            return SignatureCheck.MALFORMED;
        }
        return MessageDigest.isEqual(claimed, digest(body)) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    private byte[] digest(byte[] body) {
        Mac mac = mac();
        // two updates rather than one concatenated copy of a possibly large body
        mac.update(PREFIX_BYTES);
        mac.update(body == null ? new byte[0] : body);
        return mac.doFinal();
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("This JVM cannot compute " + ALGORITHM, e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex in either case; null if the text has an odd length or a non-hex character. */
    static byte[] unhex(String text) {
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = asciiHexValue(text.charAt(2 * i));
            int low = asciiHexValue(text.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    // not Character.digit: that also accepts non-ASCII digits such as fullwidth ones
    private static int asciiHexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "WebhookSignatures[" + ALGORITHM + ", secret=***]";
    }
}
