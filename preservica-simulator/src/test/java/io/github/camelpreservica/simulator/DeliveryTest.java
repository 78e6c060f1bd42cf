package io.github.camelpreservica.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed deliveries as a receiver sees them on the wire. */
class DeliveryTest {

    private static final String SECRET = "my_shared_secret";
    private static final String REF = DemoAssets.HARBOUR_REF;

    private PreservicaSimulator sim;
    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        sim = PreservicaSimulator.builder().user("admin", "secret", "BRAMA").build().start();
        receiver = new TestReceiver(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
    }

    @Test
    void deliveryArrivesChunkedWithVerifiableSignature() {
        String id = sim.addSubscription(receiver.url(), "FULL_TEXT_INDEXED", SECRET);
        List<DeliveryRecord> records = sim.fire("INDEXED", REF);
        assertEquals(1, records.size());
        TestReceiver.Received received = receiver.deliveries().get(0);
        assertEquals("chunked", received.transferEncoding());
        assertNull(received.contentLength());
        assertEquals("application/json", received.contentType());
        assertEquals(WebhookSigning.deliverySignature(SECRET, received.body()), received.signature());
        assertArrayEquals(records.get(0).body(), received.body());
        assertEquals(id, records.get(0).subscriptionId());
        assertEquals(200, records.get(0).status());
        assertTrue(records.get(0).chunked());
    }

    @Test
    void deliveryBodyHasPublishedShape() throws Exception {
        String id = sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        sim.fire("INDEXED", REF);
        String body = new String(receiver.deliveries().get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.matches("\\{\"subscriptionId\":\"" + id + "\",\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:"
                + "\\d\\d:\\d\\d\\.\\d{3}\",\"tenant\":\"BRAMA\",\"version\":\"7\\.0\",\"events\":\\[\\{\"event\":"
                + "\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":\"" + REF + "\",\"identifiers\":\\[]}],"
                + "\"trigger\":\"FULL_TEXT_INDEXED\"}"), body);
    }

    @Test
    void deliverySentWithContentLengthWhenNotChunked() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        sim.fire(FireRequest.trigger("INDEXED").event("IO", REF).chunked(false).build());
        TestReceiver.Received received = receiver.deliveries().get(0);
        assertNull(received.transferEncoding());
        assertEquals(String.valueOf(received.body().length), received.contentLength());
        assertEquals(WebhookSigning.deliverySignature(SECRET, received.body()), received.signature());
    }

    @Test
    void severalEventsTravelInOneDelivery() throws Exception {
        sim.addSubscription(receiver.url(), "MOVED", SECRET);
        sim.fire(FireRequest.trigger("moved").event("IO", REF).event("SO", DemoAssets.FOLDER_REF).build());
        assertEquals(1, receiver.deliveries().size());
        JsonNode events = HttpExchanges.JSON.readTree(receiver.deliveries().get(0).body()).get("events");
        assertEquals(2, events.size());
        assertEquals("SO", events.get(1).get("entityType").asText());
        assertEquals("Moved", events.get(0).get("event").asText());
    }

    @Test
    void onlySubscriptionsOfTheFiredTriggerReceive() {
        sim.addSubscription(receiver.url(), "MOVED", SECRET);
        assertTrue(sim.fire("INDEXED", REF).isEmpty());
        assertTrue(receiver.deliveries().isEmpty());
    }

    @Test
    void fireWithSeveralRefsSendsOneDeliveryPerRef() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        assertEquals(2, sim.fire("INDEXED", REF, DemoAssets.LETTER_REF).size());
        assertEquals(2, receiver.deliveries().size());
    }

    @Test
    void identifiersAreSentToSubscriptionsThatAskedForThem() throws Exception {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        sim.fire(FireRequest.trigger("INDEXED").event("IO", REF).identifier("title", "Ærøskøbing – 東京").build());
        TestReceiver.Received received = receiver.deliveries().get(0);
        JsonNode identifier = HttpExchanges.JSON.readTree(received.body()).at("/events/0/identifiers/0");
        assertEquals("Ærøskøbing – 東京", identifier.get("value").asText());
        assertEquals(WebhookSigning.deliverySignature(SECRET, received.body()), received.signature());
    }

    @Test
    void redeliverSendsIdenticalBytesAndSignature() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        DeliveryRecord first = sim.fire("INDEXED", REF).get(0);
        DeliveryRecord again = sim.redeliver(first);
        assertEquals(2, receiver.deliveries().size());
        assertArrayEquals(receiver.deliveries().get(0).body(), receiver.deliveries().get(1).body());
        assertEquals(receiver.deliveries().get(0).signature(), receiver.deliveries().get(1).signature());
        assertEquals(200, again.status());
        assertEquals(2, sim.deliveries().size());
    }

    @Test
    void sendRawDeliversArbitraryBytesAndSignature() {
        String id = sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        byte[] forged = "{\"forged\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sim.sendRaw(id, forged, "00", false);
        assertArrayEquals(forged, receiver.deliveries().get(0).body());
        assertEquals("00", receiver.deliveries().get(0).signature());
    }

    @Test
    void receiverStatusIsRecorded() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        receiver.answerDeliveriesWith(401);
        DeliveryRecord record = sim.fire("INDEXED", REF).get(0);
        assertEquals(401, record.status());
        assertTrue(!record.accepted());
    }

    @Test
    void unreachableReceiverIsRecordedWithoutStatus() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        receiver.close();
        DeliveryRecord record = sim.fire("INDEXED", REF).get(0);
        assertEquals(-1, record.status());
        assertTrue(record.error().contains("could not connect"), record.error());
    }

    @Test
    void demoEventsFireIndexedForDemoAssets() throws InterruptedException {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        sim.startDemoEvents(java.time.Duration.ofMillis(100));
        long giveUp = System.currentTimeMillis() + 30_000;
        while (receiver.deliveries().size() < 2 && System.currentTimeMillis() < giveUp) {
            Thread.sleep(50);
        }
        sim.stopDemoEvents();
        assertTrue(receiver.deliveries().size() >= 2);
        assertTrue(DemoAssets.WITH_THUMBNAILS.contains(
                sim.deliveries().get(0).bodyAsString().replaceAll(".*\"entityRef\":\"([^\"]+)\".*", "$1")));
    }
}
