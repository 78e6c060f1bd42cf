package io.github.camelpreservica.benchmarks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /** The prefix Preservica puts before the body in the signed message (docs/protocol.md section 4). */
    private static final byte[] SIGNED_PREFIX = "preservica-webhook-auth".getBytes(StandardCharsets.US_ASCII);

    private static final String HEAD = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\","
            + "\"version\":\"6.10\",\"events\":[";
    private static final String TAIL = "],\"trigger\":\"FULL_TEXT_INDEXED\"}";
    private static final int BYTES_PER_EVENT = 1024;

    private final byte[] body;
    private final String signature;

    private SignedDelivery(byte[] body, String signature) {
        this.body = body;
        this.signature = signature;
    }

    /**
     * A compact JSON delivery of exactly {@code sizeInBytes} bytes: one indexed-asset event per kilobyte (at least
     * one), each with a title and as many further identifiers as fill its share, the last value padded to size.
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
        int minimum = HEAD.length() + event(variant, 0, 0).length() + TAIL.length();
        if (sizeInBytes < minimum) {
            throw new IllegalArgumentException(
                    "A delivery of " + sizeInBytes + " bytes is too small: it needs at least " + minimum);
        }
        // about one event per kilobyte, each filled up with identifiers to its share of the size
        int count = Math.max(1, sizeInBytes / BYTES_PER_EVENT);
        int share = (sizeInBytes - HEAD.length() - TAIL.length() - (count - 1)) / count;
        StringBuilder json = new StringBuilder(sizeInBytes).append(HEAD);
        for (int index = 0; index < count; index++) {
            if (index > 0) {
                json.append(',');
            }
            boolean last = index == count - 1;
            int length = last ? sizeInBytes - TAIL.length() - json.length() : share;
            json.append(event(variant, index, length));
        }
        byte[] body = json.append(TAIL).toString().getBytes(StandardCharsets.US_ASCII);
        if (body.length != sizeInBytes) {
            throw new IllegalStateException("Built " + body.length + " bytes instead of " + sizeInBytes);
        }
        return body;
    }

    /** An indexed-asset event of exactly {@code length} characters (or its minimum, if that is more). */
    private static String event(int variant, int index, int length) {
        // deterministic references, so every run sends byte-identical bodies
        String ref = UUID.nameUUIDFromBytes(("asset-" + variant + "-" + index).getBytes(StandardCharsets.US_ASCII))
                .toString();
        String head = "{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":\"" + ref
                + "\",\"identifiers\":[";
        String tail = "]}";
        List<String> identifiers = new ArrayList<>();
        identifiers.add(identifier("title", "Asset " + index));
        int used = head.length() + identifiers.get(0).length() + tail.length();
        String next = identifier("code-" + identifiers.size(), ref);
        while (used + 1 + next.length() <= length) {
            identifiers.add(next);
            used += 1 + next.length();
            next = identifier("code-" + identifiers.size(), ref);
        }
        // pad the last identifier's value to the exact length
        int missing = Math.max(0, length - used);
        int lastIndex = identifiers.size() - 1;
        String lastIdentifier = identifiers.get(lastIndex);
        identifiers.set(lastIndex,
                lastIdentifier.substring(0, lastIdentifier.length() - 2) + "x".repeat(missing) + "\"}");
        return head + String.join(",", identifiers) + tail;
    }

    private static String identifier(String type, String value) {
        return "{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}";
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
