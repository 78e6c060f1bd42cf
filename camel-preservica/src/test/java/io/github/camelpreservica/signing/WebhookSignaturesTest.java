package io.github.camelpreservica.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelpreservica.signing.ChallengeRefusedException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignaturesTest {

    private static final String SECRET = "my_shared_secret";
    // docs/protocol.md section 4: a real delivery body, compact, exactly as sent
    private static final String ASCII_BODY = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\",\"version\":\"6.10\","
            + "\"events\":[{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\","
            + "\"entityRef\":\"7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2\",\"identifiers\":[]}],"
            + "\"trigger\":\"FULL_TEXT_INDEXED\"}";
    private static final String ASCII_BODY_SIGNATURE = "9164ce2a553feae08e0f6064a84a8311c6672b550ba7db82c138876854ab74cf";
    private static final String UTF8_BODY = ASCII_BODY.replace("\"identifiers\":[]",
            "\"identifiers\":[{\"type\":\"title\",\"value\":\"\u00c6r\u00f8sk\u00f8bing \u2013 \u6771\u4eac\"}]");
    private static final String UTF8_BODY_SIGNATURE = "f45a04fff676ac86c46a1039cad3bd91fc03344297262709e0295e24ce7b3688";

    private final WebhookSignatures signatures = new WebhookSignatures(SECRET);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersTheProtocolChallengeVector() {
        assertEquals("b9240c5e596ba147b55a5afbaeb99e1c80ff0040eb2b5d625e3c832f195fb8d0",
                signatures.challengeResponse("c0ffee1234"));
    }

    @Test
    void signsTheProtocolAsciiBodyVector() {
        assertEquals(ASCII_BODY_SIGNATURE, signatures.sign(utf8(ASCII_BODY)));
    }

    @Test
    void signsTheProtocolUtf8BodyVector() {
        assertEquals(UTF8_BODY_SIGNATURE, signatures.sign(utf8(UTF8_BODY)));
    }

    @Test
    void acceptsBothProtocolDeliveryVectors() {
        assertEquals(SignatureCheck.VALID, signatures.check(utf8(ASCII_BODY), ASCII_BODY_SIGNATURE));
        assertTrue(signatures.verify(utf8(UTF8_BODY), UTF8_BODY_SIGNATURE));
    }

    @Test
    void rejectsDeliveryWhoseBodyWasChangedByOneByte() {
        byte[] body = utf8(ASCII_BODY);
        for (int i = 0; i < body.length; i += 37) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertEquals(SignatureCheck.MISMATCH, signatures.check(tampered, ASCII_BODY_SIGNATURE), "byte " + i);
        }
    }

    @Test
    void rejectsDeliveryWithOneByteAppended() {
        byte[] longer = utf8(ASCII_BODY + " ");
        assertFalse(signatures.verify(longer, ASCII_BODY_SIGNATURE));
    }

    @Test
    void rejectsDeliverySignedWithAnotherSecret() {
        String forged = new WebhookSignatures("another_secret").sign(utf8(ASCII_BODY));
        assertEquals(SignatureCheck.MISMATCH, signatures.check(utf8(ASCII_BODY), forged));
    }

    @Test
    void rejectsSignatureComputedWithoutThePrefix() {
        // what a receiver would compute if it forgot the prefix: the plain HMAC of the body
        String withoutPrefix = signatures.challengeResponse(ASCII_BODY);
        assertEquals(SignatureCheck.MISMATCH, signatures.check(utf8(ASCII_BODY), withoutPrefix));
    }

    @Test
    void acceptsUppercaseHexBecauseItDecodesToTheSameBytes() {
        assertTrue(signatures.verify(utf8(ASCII_BODY), ASCII_BODY_SIGNATURE.toUpperCase(Locale.ROOT)));
    }

    @Test
    void treatsAlgorithmPrefixedHeaderAsMalformed() {
        assertEquals(SignatureCheck.MALFORMED, signatures.check(utf8(ASCII_BODY), "sha256=" + ASCII_BODY_SIGNATURE));
    }

    @Test
    void treatsTruncatedHeaderAsMalformed() {
        assertEquals(SignatureCheck.MALFORMED,
                signatures.check(utf8(ASCII_BODY), ASCII_BODY_SIGNATURE.substring(0, 62)));
        assertEquals(SignatureCheck.MALFORMED,
                signatures.check(utf8(ASCII_BODY), ASCII_BODY_SIGNATURE.substring(0, 63)));
    }

    @Test
    void treatsOverlongAndNonHexHeadersAsMalformed() {
        assertEquals(SignatureCheck.MALFORMED, signatures.check(utf8(ASCII_BODY), ASCII_BODY_SIGNATURE + "00"));
        assertEquals(SignatureCheck.MALFORMED,
                signatures.check(utf8(ASCII_BODY), "z" + ASCII_BODY_SIGNATURE.substring(1)));
        // fullwidth digit one: Character.digit would read it as 1
        assertEquals(SignatureCheck.MALFORMED,
                signatures.check(utf8(ASCII_BODY), "\uff11" + ASCII_BODY_SIGNATURE.substring(1)));
    }

    @Test
    void treatsAbsentOrEmptyHeaderAsMissing() {
        assertEquals(SignatureCheck.MISSING, signatures.check(utf8(ASCII_BODY), null));
        assertEquals(SignatureCheck.MISSING, signatures.check(utf8(ASCII_BODY), ""));
        assertEquals(SignatureCheck.MISSING, signatures.check(utf8(ASCII_BODY), "   "));
        assertFalse(signatures.verify(utf8(ASCII_BODY), null));
    }

    @Test
    void ignoresBlanksAroundTheHeaderValue() {
        assertTrue(signatures.verify(utf8(ASCII_BODY), " " + ASCII_BODY_SIGNATURE + " "));
    }

    @Test
    void refusesChallengeStartingWithTheDeliveryPrefix() {
        String oracleProbe = WebhookSignatures.SIGNED_PREFIX + ASCII_BODY;
        ChallengeRefusedException refused = assertThrows(ChallengeRefusedException.class,
                () -> signatures.challengeResponse(oracleProbe));
        assertEquals(Reason.SIGNING_ORACLE, refused.reason());
        assertThrows(ChallengeRefusedException.class,
                () -> signatures.challengeResponse(WebhookSignatures.SIGNED_PREFIX));
    }

    @Test
    void answersChallengeThatOnlyContainsThePrefixLater() {
        String code = "x" + WebhookSignatures.SIGNED_PREFIX;
        assertEquals(64, signatures.challengeResponse(code).length());
    }

    @Test
    void refusesChallengeLongerThanTheBound() {
        String tooLong = "a".repeat(WebhookSignatures.MAX_CHALLENGE_CODE_LENGTH + 1);
        ChallengeRefusedException refused = assertThrows(ChallengeRefusedException.class,
                () -> signatures.challengeResponse(tooLong));
        assertEquals(Reason.TOO_LONG, refused.reason());
    }

    @Test
    void answersChallengeExactlyAtTheBound() {
        String longest = "a".repeat(WebhookSignatures.MAX_CHALLENGE_CODE_LENGTH);
        assertEquals(64, signatures.challengeResponse(longest).length());
    }

    @Test
    void refusesMissingOrEmptyChallenge() {
        assertEquals(Reason.MISSING,
                assertThrows(ChallengeRefusedException.class, () -> signatures.challengeResponse(null)).reason());
        assertEquals(Reason.MISSING,
                assertThrows(ChallengeRefusedException.class, () -> signatures.challengeResponse("")).reason());
    }

    @Test
    void answersChallengeWithQuotesBackslashesAndNewlines() throws Exception {
        String code = "a\"b\\c\nd\re\tf\u00e9";
        String answer = signatures.challengeResponse(code);
        assertTrue(answer.matches("[0-9a-f]{64}"), answer);
        // the HMAC of the code's raw UTF-8 bytes: nothing escaped or trimmed before hashing
        assertEquals(plainHmacHex(code), answer);
    }

    private static String plainHmacHex(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(utf8(SECRET), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(utf8(message)));
    }

    @Test
    void refusesBlankSecretWithoutShowingIt() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignatures(" "));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignatures(""));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignatures(null));
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertFalse(signatures.toString().contains(SECRET));
    }

    @Test
    void neverShowsTheSecretInRefusalMessages() {
        String message = assertThrows(ChallengeRefusedException.class,
                () -> signatures.challengeResponse(WebhookSignatures.SIGNED_PREFIX + "x")).getMessage();
        assertFalse(message.contains(SECRET));
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean utf8Body = i % 2 == 0;
                results.add(pool.submit(() -> utf8Body
                        ? signatures.verify(utf8(UTF8_BODY), UTF8_BODY_SIGNATURE)
                        : signatures.sign(utf8(ASCII_BODY)).equals(ASCII_BODY_SIGNATURE)));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hexRoundTripsEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String hex = WebhookSignatures.hex(all);
        assertEquals(hex.toLowerCase(Locale.ROOT), hex);
        assertEquals(Arrays.toString(all), Arrays.toString(WebhookSignatures.unhex(hex)));
    }
}
