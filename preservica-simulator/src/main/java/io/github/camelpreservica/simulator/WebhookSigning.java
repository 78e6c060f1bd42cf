package io.github.camelpreservica.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two HMAC-SHA256 computations Preservica's webhooks rely on, as the sending side performs them. Written
 * separately from the component's own signing code on purpose: a protocol mistake then shows up as a mismatch
 * instead of hiding behind two copies of the same bug.
 */
public final class WebhookSigning {

    /** Every delivery signature covers this ASCII prefix followed by the raw body. */
    public static final String DELIVERY_SIGNATURE_PREFIX = "preservica-webhook-auth";

    private WebhookSigning() {
    }

    /** The {@code challengeResponse} a receiver must send back for {@code challengeCode}. */
    public static String challengeResponse(String secret, String challengeCode) {
        return hmacSha256Hex(secret, challengeCode.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Preservica-Signature} header value for a delivery body, bytes exactly as sent. */
    public static String deliverySignature(String secret, byte[] body) {
        byte[] prefix = DELIVERY_SIGNATURE_PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return hmacSha256Hex(secret, message);
    }

    /** Lowercase hex of HMAC-SHA256 keyed with the UTF-8 bytes of {@code secret}. */
    public static String hmacSha256Hex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK, so this means a broken runtime
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
