package io.github.camelpreservica.simulator;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The test vectors of docs/protocol.md, sections 3 and 4. */
class WebhookSigningTest {

    private static final String SECRET = "my_shared_secret";
    private static final String SAMPLE_BODY = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\",\"version\":\"6.10\",\"events\":"
            + "[{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":"
            + "\"7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2\",\"identifiers\":[]}],\"trigger\":\"FULL_TEXT_INDEXED\"}";

    @Test
    void challengeResponseMatchesPublishedVector() {
        assertEquals("b9240c5e596ba147b55a5afbaeb99e1c80ff0040eb2b5d625e3c832f195fb8d0",
                WebhookSigning.challengeResponse(SECRET, "c0ffee1234"));
    }

    @Test
    void deliverySignatureMatchesPublishedVector() {
        assertEquals("9164ce2a553feae08e0f6064a84a8311c6672b550ba7db82c138876854ab74cf",
                WebhookSigning.deliverySignature(SECRET, SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deliverySignatureOfUtf8BodyMatchesPublishedVector() {
        String body = SAMPLE_BODY.replace("\"identifiers\":[]",
                "\"identifiers\":[{\"type\":\"title\",\"value\":\"Ærøskøbing – 東京\"}]");
        assertEquals("f45a04fff676ac86c46a1039cad3bd91fc03344297262709e0295e24ce7b3688",
                WebhookSigning.deliverySignature(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signatureChangesWhenBodyChangesByOneByte() {
        byte[] body = SAMPLE_BODY.getBytes(StandardCharsets.UTF_8);
        byte[] changed = body.clone();
        changed[changed.length - 3] ^= 1;
        assertNotEquals(WebhookSigning.deliverySignature(SECRET, body),
                WebhookSigning.deliverySignature(SECRET, changed));
    }

    @Test
    void deliveryBodyReproducesPublishedSampleByteForByte() {
        FireRequest request = FireRequest.trigger("INDEXED").event("IO", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2")
                .build();
        byte[] body = Deliveries.body("9495ddbf7d4a0b9f030a3411c87f967d", "2023-10-11T10:52:42.469", "BRAMA", "6.10",
                request, true);
        assertArrayEquals(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8), body);
    }

    @Test
    void deliveryBodyWithUtf8IdentifierSignsToPublishedVector() {
        FireRequest request = FireRequest.trigger("FULL_TEXT_INDEXED")
                .event("IO", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2").identifier("title", "Ærøskøbing – 東京").build();
        byte[] body = Deliveries.body("9495ddbf7d4a0b9f030a3411c87f967d", "2023-10-11T10:52:42.469", "BRAMA", "6.10",
                request, true);
        assertEquals("f45a04fff676ac86c46a1039cad3bd91fc03344297262709e0295e24ce7b3688",
                WebhookSigning.deliverySignature(SECRET, body));
    }

    @Test
    void deliveryBodyLeavesIdentifiersOutWhenSubscriptionDidNotAskForThem() {
        FireRequest request = FireRequest.trigger("INDEXED").event("IO", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2")
                .identifier("title", "x").build();
        byte[] body = Deliveries.body("9495ddbf7d4a0b9f030a3411c87f967d", "2023-10-11T10:52:42.469", "BRAMA", "6.10",
                request, false);
        assertArrayEquals(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8), body);
    }
}
