package io.github.camelpreservica.benchmarks.delivery;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedDeliveryTest {

    private static final String SAMPLE = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\",\"version\":\"6.10\","
            + "\"events\":[{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\","
            + "\"entityRef\":\"7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2\",\"identifiers\":%s}],"
            + "\"trigger\":\"FULL_TEXT_INDEXED\"}";

    @Test
    void signsTheProtocolSampleAsPreservicaDoes() {
        byte[] body = String.format(SAMPLE, "[]").getBytes(StandardCharsets.UTF_8);

        assertThat(SignedDelivery.of(body, "my_shared_secret").signature())
                .isEqualTo("9164ce2a553feae08e0f6064a84a8311c6672b550ba7db82c138876854ab74cf");
    }

    @Test
    void signsTheUtf8BodyBytesAsReceived() {
        byte[] body = String.format(SAMPLE, "[{\"type\":\"title\",\"value\":\"Ærøskøbing – 東京\"}]")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(SignedDelivery.of(body, "my_shared_secret").signature())
                .isEqualTo("f45a04fff676ac86c46a1039cad3bd91fc03344297262709e0295e24ce7b3688");
    }

    @Test
    void buildsBodiesOfExactlyTheRequestedSize() {
        assertThat(SignedDelivery.ofSize(1024, "s").size()).isEqualTo(1024);
        assertThat(SignedDelivery.ofSize(65536, "s").size()).isEqualTo(65536);
        assertThat(SignedDelivery.ofSize(1025, "s").size()).isEqualTo(1025);
        assertThat(SignedDelivery.ofSize(3000, "s").size()).isEqualTo(3000);
        assertThat(SignedDelivery.ofSize(400, "s").size()).isEqualTo(400);
    }

    @Test
    void buildsADeliveryShapedAsPreservicaSendsIt() throws Exception {
        JsonNode delivery = new ObjectMapper().readTree(SignedDelivery.ofSize(1024, "s").body());

        assertThat(delivery.path("trigger").asText()).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(delivery.path("events").size()).isEqualTo(1);
        assertThat(delivery.path("events").get(0).path("entityType").asText()).isEqualTo("IO");
        assertThat(delivery.path("events").get(0).path("identifiers").size()).isGreaterThan(5);
    }

    @Test
    void carriesAboutOneEventPerKilobyte() throws Exception {
        JsonNode delivery = new ObjectMapper().readTree(SignedDelivery.ofSize(65536, "s").body());

        assertThat(delivery.path("events").size()).isEqualTo(64);
    }

    @Test
    void sendsByteIdenticalBodiesOnEveryRun() {
        assertThat(SignedDelivery.ofSize(1024, "s").body()).isEqualTo(SignedDelivery.ofSize(1024, "s").body());
    }

    @Test
    void variantsKeepTheSizeButDifferInBodyAndSignature() {
        SignedDelivery first = SignedDelivery.ofSize(1024, 0, "s");
        SignedDelivery second = SignedDelivery.ofSize(1024, 29_999, "s");

        assertThat(second.size()).isEqualTo(1024);
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(second.signature()).isNotEqualTo(first.signature());
    }

    @Test
    void refusesASizeTooSmallForOneEvent() {
        assertThatThrownBy(() -> SignedDelivery.ofSize(100, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 bytes is too small");
    }

    @Test
    void tamperingChangesExactlyOneByteAndKeepsTheJsonValid() throws Exception {
        byte[] body = SignedDelivery.ofSize(1024, "s").body();
        byte[] tampered = DeliveryCheck.tampered(body);

        int differences = 0;
        for (int i = 0; i < body.length; i++) {
            differences += body[i] == tampered[i] ? 0 : 1;
        }
        assertThat(differences).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(tampered).path("trigger").asText()).isNotEqualTo("FULL_TEXT_INDEXED");
    }
}
