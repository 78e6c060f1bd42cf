package io.github.camelpreservica.delivery;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryParserTest {

    /** The real sample of docs/protocol.md section 4, byte for byte. */
    static final String PROTOCOL_SAMPLE = "{\"subscriptionId\":\"9495ddbf7d4a0b9f030a3411c87f967d\","
            + "\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"BRAMA\","
            + "\"version\":\"6.10\",\"events\":[{\"event\":\"FullTextIndexed\","
            + "\"entityType\":\"IO\",\"entityRef\":\"7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2\","
            + "\"identifiers\":[]}],\"trigger\":\"FULL_TEXT_INDEXED\"}";

    private final DeliveryParser parser = new DeliveryParser();

    @Test
    void readsEveryFieldOfTheProtocolSample() throws Exception {
        WebhookDelivery delivery = parser.parse(bytes(PROTOCOL_SAMPLE));

        assertThat(delivery.getSubscriptionId()).isEqualTo("9495ddbf7d4a0b9f030a3411c87f967d");
        assertThat(delivery.getTimestamp()).isEqualTo("2023-10-11T10:52:42.469");
        assertThat(delivery.getTenant()).isEqualTo("BRAMA");
        assertThat(delivery.getVersion()).isEqualTo("6.10");
        assertThat(delivery.getTrigger()).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(delivery.getOtherFields()).isEmpty();
        assertThat(delivery.getEvents()).hasSize(1);
        WebhookEvent event = delivery.getEvents().get(0);
        assertThat(event.getEvent()).isEqualTo("FullTextIndexed");
        assertThat(event.getEntityType()).isEqualTo("IO");
        assertThat(event.getEntityRef()).isEqualTo("7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");
        assertThat(event.getIdentifiers()).isEmpty();
    }

    @Test
    void copiesDeliveryFieldsOntoEachEventSoASplitEventStandsAlone() throws Exception {
        WebhookEvent event = parser.parse(bytes(PROTOCOL_SAMPLE)).getEvents().get(0);

        assertThat(event.getSubscriptionId()).isEqualTo("9495ddbf7d4a0b9f030a3411c87f967d");
        assertThat(event.getTrigger()).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(event.getTimestamp()).isEqualTo("2023-10-11T10:52:42.469");
        assertThat(event.getTenant()).isEqualTo("BRAMA");
    }

    @Test
    void readsUtf8IdentifiersAsObjects() throws Exception {
        String body = PROTOCOL_SAMPLE.replace("\"identifiers\":[]",
                "\"identifiers\":[{\"type\":\"title\",\"value\":\"Ærøskøbing – 東京\"}]");

        WebhookEvent event = parser.parse(bytes(body)).getEvents().get(0);

        assertThat(event.getIdentifiers()).containsExactly(Map.of("type", "title", "value", "Ærøskøbing – 東京"));
    }

    @Test
    void keepsUnknownFieldsOfDeliveryAndEvent() throws Exception {
        String body = "{\"events\":[{\"event\":\"SomethingNew\",\"entityRef\":\"r1\",\"newField\":{\"a\":[1,2]}}],"
                + "\"trigger\":\"NOT_YET_KNOWN\",\"extra\":true}";

        WebhookDelivery delivery = parser.parse(bytes(body));

        assertThat(delivery.getTrigger()).isEqualTo("NOT_YET_KNOWN");
        assertThat(delivery.getOtherFields()).containsEntry("extra", true);
        WebhookEvent event = delivery.getEvents().get(0);
        assertThat(event.getEvent()).isEqualTo("SomethingNew");
        assertThat(event.getOtherFields()).containsEntry("newField", Map.of("a", List.of(1, 2)));
    }

    @Test
    void readsSeveralEventsInOrder() throws Exception {
        String body = "{\"events\":[{\"entityRef\":\"first\"},{\"entityRef\":\"second\"},{\"entityRef\":\"third\"}]}";

        List<WebhookEvent> events = parser.parse(bytes(body)).getEvents();

        assertThat(events).extracting(WebhookEvent::getEntityRef).containsExactly("first", "second", "third");
    }

    @Test
    void acceptsDeliveryWithNoEvents() throws Exception {
        assertThat(parser.parse(bytes("{\"events\":[]}")).getEvents()).isEmpty();
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        assertThatThrownBy(() -> parser.parse(bytes("subscriptionId=1&events=2")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsEmptyBody() {
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsJsonArray() {
        assertThatThrownBy(() -> parser.parse(bytes("[{\"events\":[]}]")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("not an object (found array)");
    }

    @Test
    void rejectsObjectWithoutEvents() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"subscriptionId\":\"x\"}")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("no 'events' array");
    }

    @Test
    void rejectsEventThatIsNotAnObject() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"events\":[\"IO\"]}")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("Event 0");
    }

    @Test
    void rejectsEntityRefThatIsAnObject() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"events\":[{\"entityRef\":{\"a\":1}}]}")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("'entityRef' of the event 0");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "[".repeat(200) + "]".repeat(200);
        String body = "{\"events\":[],\"x\":" + deep + "}";

        assertThatThrownBy(() -> parser.parse(bytes(body)))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("not valid JSON")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void rejectsDuplicateKeysThatCouldHideASecondEntityRef() {
        String body = "{\"events\":[{\"entityRef\":\"shown\",\"entityRef\":\"hidden\"}]}";

        assertThatThrownBy(() -> parser.parse(bytes(body)))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("Duplicate field");
    }

    @Test
    void rejectsTrailingContentAfterTheObject() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"events\":[]} {\"events\":[]}")))
                .isInstanceOf(InvalidDeliveryException.class)
                .hasMessage("The delivery body is not valid JSON: trailing content after the object (START_OBJECT)");
    }

    @Test
    void keepsUnknownFieldsAsJacksonMapsThemWithExactDecimals() throws Exception {
        String unknown = "{\"text\":\"Ærø – 東京 \\\"quoted\\\"\",\"int\":7,\"long\":12345678901,"
                + "\"big\":123456789012345678901234567890,\"decimal\":7.10,\"exponent\":1e2,"
                + "\"yes\":true,\"no\":false,\"nothing\":null,"
                + "\"nested\":{\"list\":[1,\"two\",[3.0],{\"four\":[]}],\"empty\":{}}}";
        String body = "{\"events\":[{\"entityRef\":\"r\",\"identifiers\":[" + unknown + "],\"x\":" + unknown
                + "}],\"y\":" + unknown + "}";
        ObjectMapper jackson = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = jackson.readValue(unknown, Map.class);

        WebhookDelivery delivery = parser.parse(bytes(body));

        assertThat(delivery.getOtherFields()).containsExactly(Map.entry("y", expected));
        WebhookEvent event = delivery.getEvents().get(0);
        assertThat(event.getOtherFields()).containsExactly(Map.entry("x", expected));
        assertThat(event.getIdentifiers()).containsExactly(expected);
        assertThat(expected.get("decimal")).isEqualTo(new BigDecimal("7.10"));
        assertThat(expected.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(expected.get("long")).isEqualTo(12345678901L);
    }

    @Test
    void copiesDeliveryFieldsThatComeAfterTheEventsOntoEachEvent() throws Exception {
        String body = "{\"events\":[{\"entityRef\":\"r\"}],\"subscriptionId\":\"s\",\"trigger\":\"MOVED\","
                + "\"timestamp\":\"t\",\"tenant\":\"T\"}";

        WebhookEvent event = parser.parse(bytes(body)).getEvents().get(0);

        assertThat(event.getSubscriptionId()).isEqualTo("s");
        assertThat(event.getTrigger()).isEqualTo("MOVED");
        assertThat(event.getTimestamp()).isEqualTo("t");
        assertThat(event.getTenant()).isEqualTo("T");
    }

    @Test
    void readsANumberOrBooleanInATextFieldAsWritten() throws Exception {
        WebhookDelivery delivery = parser.parse(bytes("{\"version\":7.0,\"tenant\":true,\"events\":[]}"));

        assertThat(delivery.getVersion()).isEqualTo("7.0");
        assertThat(delivery.getTenant()).isEqualTo("true");
    }

    @Test
    void reportsASyntaxErrorEvenAfterAShapeError() {
        // the events are wrong first, but the body is not JSON at all: that is what the sender must hear
        assertThatThrownBy(() -> parser.parse(bytes("{\"events\":5,\"entityRef\":}")))
                .isInstanceOf(InvalidDeliveryException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void reportsTheFirstShapeErrorOfAWellFormedBody() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"events\":[{\"entityRef\":[]},7],\"tenant\":{}}")))
                .isInstanceOf(InvalidDeliveryException.class)
                .hasMessage("Field 'entityRef' of the event 0 must be a text value (found array)");
    }

    @Test
    void writesAnEventBackAsJsonWithItsUnknownFields() throws Exception {
        String body = PROTOCOL_SAMPLE.replace("\"identifiers\":[]", "\"identifiers\":[],\"colour\":\"blue\"");
        WebhookEvent event = parser.parse(bytes(body)).getEvents().get(0);
        ObjectMapper mapper = new ObjectMapper();

        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(event));

        assertThat(json.get("entityRef").asText()).isEqualTo("7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");
        assertThat(json.get("colour").asText()).isEqualTo("blue");
        assertThat(json.get("trigger").asText()).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(json.has("otherFields")).isFalse();
    }

    @Test
    void writesADeliveryBackInPreservicasShape() throws Exception {
        WebhookDelivery delivery = parser.parse(bytes(PROTOCOL_SAMPLE));
        ObjectMapper mapper = new ObjectMapper();

        JsonNode written = mapper.readTree(mapper.writeValueAsBytes(delivery));

        assertThat(written).isEqualTo(mapper.readTree(PROTOCOL_SAMPLE));
        assertThat(parser.parse(mapper.writeValueAsBytes(delivery))).isEqualTo(delivery);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
