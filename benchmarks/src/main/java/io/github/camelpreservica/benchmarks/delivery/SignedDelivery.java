package io.github.camelpreservica.benchmarks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Preservica delivery body of an exact size, and its {@code Preservica-Signature}.
 * <p>
 * The signature is computed here with the JDK's HMAC, independently of the component under test, so that a
 * receiver answering 200 to this load proves that its own check agrees with the protocol.
 */
public final class SignedDelivery {

    /** The prefix Preservica puts before the body in the signed message (PROTOCOL.md section 4). */
    private static final byte[] SIGNED_PREFIX = "preservica-webhook-auth".getBytes(StandardCharsets.US_ASCII);

    private static final String HEAD = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
                                       + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\","
                                       + "\"version\":\"6.10\",\"events\":[";
    private static final String TAIL = "],\"trigger\":\"FULL_TEXT_INDEXED\"}";

    private final byte[] body;
    private final String signature;

    private SignedDelivery(byte[] body, String signature) {
        this.body = body;
        this.signature = signature;
    }

    /**
     * A compact JSON delivery of exactly {@code sizeInBytes} bytes: as many indexed-asset events as fit, the
     * last one's title padded to the exact size.
     */
    public static SignedDelivery ofSize(int sizeInBytes, String secret) {
        return ofSize(sizeInBytes, 0, secret);
    }

    /**
     * The same shape and size, about other assets: variants differ in their entity references, so each has its own
     * signature. Load needs many of them, since a receiver acknowledges an exact redelivery without routing it.
     */
    public static SignedDelivery ofSize(int sizeInBytes, int variant, String secret) {
        byte[] body = bodyOfSize(sizeInBytes, variant);
        return new SignedDelivery(body, sign(body, secret));
    }

    /** Signs a given body, for the protocol's test vectors and for tampered copies. */
    public static SignedDelivery of(byte[] body, String secret) {
        return new SignedDelivery(body.clone(), sign(body, secret));
    }

    public byte[] body() {
        return body.clone();
    }

    public int size() {
        return body.length;
    }

    public String signature() {
        return signature;
    }

    static byte[] bodyOfSize(int sizeInBytes, int variant) {
        StringBuilder events = new StringBuilder();
        int count = 0;
        while (true) {
            String next = (count == 0 ? "" : ",") + event(variant, count, "");
            if (HEAD.length() + events.length() + next.length() + TAIL.length() > sizeInBytes) {
                break;
            }
            events.append(next);
            count++;
        }
        if (count == 0) {
            int minimum = HEAD.length() + event(variant, 0, "").length() + TAIL.length();
            throw new IllegalArgumentException(
                    "A delivery of " + sizeInBytes + " bytes is too small: it needs at least " + minimum);
        }
        int missing = sizeInBytes - (HEAD.length() + events.length() + TAIL.length());
        String last = event(variant, count - 1, "");
        events.setLength(events.length() - last.length());
        events.append(event(variant, count - 1, "t".repeat(missing)));
        byte[] body = (HEAD + events + TAIL).getBytes(StandardCharsets.US_ASCII);
        if (body.length != sizeInBytes) {
            throw new IllegalStateException("Built " + body.length + " bytes instead of " + sizeInBytes);
        }
        return body;
    }

    private static String event(int variant, int index, String titlePadding) {
        // deterministic references, so every run sends byte-identical bodies
        String ref = UUID.nameUUIDFromBytes(("asset-" + variant + "-" + index).getBytes(StandardCharsets.US_ASCII))
                .toString();
        return "{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":\"" + ref
               + "\",\"identifiers\":[{\"type\":\"title\",\"value\":\"Asset " + index + titlePadding + "\"}]}";
    }

    private static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(SIGNED_PREFIX);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
