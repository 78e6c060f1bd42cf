package io.github.camelpreservica.component.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.signing.WebhookSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a request is refused: its status, and no exchange. Receive-only, so no Preservica call is made. */
class WebhookRejectionTest extends WebhookTestSupport {

    private static final String SAMPLE = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\","
            + "\"version\":\"6.10\",\"events\":[{\"event\":\"FullTextIndexed\","
            + "\"entityType\":\"IO\",\"entityRef\":\"7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2\","
            + "\"identifiers\":[]}],\"trigger\":\"FULL_TEXT_INDEXED\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String url;

    @BeforeEach
    void startReceiver() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false&maxBodySize=4096");
        url = receiverUrl("hook");
    }

    @Test
    void acceptsTheProtocolSampleWithItsPublishedSignature() throws Exception {
        HttpResponse<String> response = post(url, utf8(SAMPLE), "Preservica-Signature",
                "9164ce2a553feae08e0f6064a84a8311c6672b550ba7db82c138876854ab74cf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void acceptsTheUtf8SampleWithItsPublishedSignature() throws Exception {
        String body = SAMPLE.replace("\"identifiers\":[]",
                "\"identifiers\":[{\"type\":\"title\",\"value\":\"Ærøskøbing – 東京\"}]");

        HttpResponse<String> response = post(url, utf8(body), "Preservica-Signature",
                "f45a04fff676ac86c46a1039cad3bd91fc03344297262709e0295e24ce7b3688");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void rejectsDeliveryWithoutSignature() throws Exception {
        assertThat(post(url, utf8(SAMPLE)).statusCode()).isEqualTo(401);
        assertNoExchange();
        assertThat(consumerOf("hook").getRejectedBadSignature()).isEqualTo(1);
    }

    @Test
    void rejectsDeliverySignedWithAnotherSecret() throws Exception {
        String signature = new WebhookSignatures("not_the_secret").sign(utf8(SAMPLE));

        assertThat(post(url, utf8(SAMPLE), "Preservica-Signature", signature).statusCode()).isEqualTo(401);
        assertNoExchange();
    }

    @Test
    void rejectsDeliveryWhoseBodyWasChangedByOneByte() throws Exception {
        byte[] body = utf8(SAMPLE);
        String signature = signatures.sign(body);
        byte[] changed = Arrays.copyOf(body, body.length);
        changed[SAMPLE.indexOf("7fdea7e0")] = '8';

        assertThat(post(url, changed, "Preservica-Signature", signature).statusCode()).isEqualTo(401);
        assertNoExchange();
    }

    @Test
    void rejectsSignatureWithAnAlgorithmPrefix() throws Exception {
        String signature = "sha256=" + signatures.sign(utf8(SAMPLE));

        assertThat(post(url, utf8(SAMPLE), "Preservica-Signature", signature).statusCode()).isEqualTo(401);
        assertNoExchange();
    }

    @Test
    void rejectsCorrectlySignedBodyThatIsNotJson() throws Exception {
        assertThat(postSigned(url, utf8("events=1&entityRef=x")).statusCode()).isEqualTo(400);
        assertNoExchange();
        assertThat(consumerOf("hook").getRejectedInvalidDelivery()).isEqualTo(1);
    }

    @Test
    void rejectsCorrectlySignedJsonThatIsNotADelivery() throws Exception {
        assertThat(postSigned(url, utf8("{\"hello\":\"world\"}")).statusCode()).isEqualTo(400);
        assertNoExchange();
    }

    @Test
    void rejectsGetWith405NamingPost() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertNoExchange();
    }

    @Test
    void rejectsPutWith405() throws Exception {
        byte[] body = utf8(SAMPLE);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Preservica-Signature", signatures.sign(body))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertNoExchange();
    }

    @Test
    void rejectsBodyOverMaxBodySizeWith413() throws Exception {
        byte[] large = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "x".repeat(5000));

        assertThat(postSigned(url, large).statusCode()).isEqualTo(413);
        assertNoExchange();
        assertThat(consumerOf("hook").getRejectedTooLarge()).isEqualTo(1);
    }

    @Test
    void rejectsChunkedBodyOverMaxBodySizeWith413() throws Exception {
        byte[] large = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "x".repeat(5000));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Preservica-Signature", signatures.sign(large))
                // a publisher of unknown length is sent with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build();

        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertNoExchange();
    }

    @Test
    void acceptsChunkedDeliveryWithinTheLimit() throws Exception {
        byte[] body = utf8(SAMPLE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Preservica-Signature", signatures.sign(body))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void answersTheChallengeWithThePublishedTestVector() throws Exception {
        HttpResponse<String> response = post(url + "?challengeCode=c0ffee1234", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("challengeCode").asText()).isEqualTo("c0ffee1234");
        assertThat(answer.get("challengeResponse").asText())
                .isEqualTo("b9240c5e596ba147b55a5afbaeb99e1c80ff0040eb2b5d625e3c832f195fb8d0");
        assertNoExchange();
    }

    @Test
    void echoesAChallengeCodeWithQuotesAndBackslashesAsValidJson() throws Exception {
        String code = "a\"b\\c</script>";

        HttpResponse<String> response = post(url + "?challengeCode=" + URLEncoder.encode(code,
                StandardCharsets.UTF_8), new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("challengeCode").asText()).isEqualTo(code);
        assertThat(answer.get("challengeResponse").asText()).isEqualTo(signatures.challengeResponse(code));
    }

    @Test
    void refusesAChallengeThatWouldSignAForgedDelivery() throws Exception {
        String forged = "{\"events\":[{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":\"evil\"}]}";
        String code = WebhookSignatures.SIGNED_PREFIX + forged;

        HttpResponse<String> response = post(url + "?challengeCode=" + URLEncoder.encode(code,
                StandardCharsets.UTF_8), new byte[0]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(signatures.sign(utf8(forged)));
        assertThat(consumerOf("hook").getRejectedChallenges()).isEqualTo(1);
        assertNoExchange();
    }

    @Test
    void refusesAnEmptyChallengeCode() throws Exception {
        assertThat(post(url + "?challengeCode=", new byte[0]).statusCode()).isEqualTo(400);
        assertNoExchange();
    }

    @Test
    void refusesAChallengeCodeGivenTwice() throws Exception {
        assertThat(post(url + "?challengeCode=a&challengeCode=b", new byte[0]).statusCode()).isEqualTo(400);
    }

    @Test
    void answersWithNoneOfTheRequestsHeaders() throws Exception {
        byte[] body = utf8(SAMPLE);

        HttpResponse<String> response = post(url, body, "Preservica-Signature", signatures.sign(body),
                "X-Trace-Me", "echo-check", "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-trace-me", "preservica-signature", "content-type")
                .noneMatch(name -> name.startsWith("camel"));
    }

    @Test
    void answersARejectionWithNoneOfTheRequestsHeadersEither() throws Exception {
        HttpResponse<String> response = post(url, utf8(SAMPLE), "Preservica-Signature", "00", "X-Trace-Me", "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-trace-me", "preservica-signature")
                .noneMatch(name -> name.startsWith("camel"));
    }

    private void assertNoExchange() {
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
