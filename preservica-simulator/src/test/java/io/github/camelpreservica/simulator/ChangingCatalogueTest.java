package io.github.camelpreservica.simulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changing catalogue through the admin API, and the change queries answered from its log, on the wire. */
class ChangingCatalogueTest {

    private static final String SECRET = "my_shared_secret";
    private static final String SINCE = "2000-01-01T00:00:00.000+0000";

    private PreservicaSimulator sim;
    private ApiClient api;
    private String token;

    @BeforeEach
    void start() {
        sim = PreservicaSimulator.builder().demoAssets(false).build().start();
        api = new ApiClient(sim.baseUrl());
        token = api.login("admin", "secret", "TEST");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void adminCallsChangeTheCatalogueAndTheEntityApiFollows() {
        admin("/simulator/catalogue/entities", "{\"type\":\"SO\",\"ref\":\"folder\",\"title\":\"Folder\"}");
        admin("/simulator/catalogue/entities",
                "{\"type\":\"IO\",\"ref\":\"a1\",\"title\":\"Old\",\"parent\":\"folder\"}");
        admin("/simulator/catalogue/entities/a1/modify", "{\"title\":\"New\",\"description\":\"Described\"}");
        admin("/simulator/catalogue/entities/a1/security", "{\"securityTag\":\"closed\"}");
        admin("/simulator/catalogue/entities/a1/visibility", "{\"visible\":false}");

        String xml = ApiClient.text(api.get("/api/entity/information-objects/a1", token));
        assertTrue(
                xml.contains("<xip:Title>New</xip:Title>") && xml.contains("<xip:SecurityTag>closed</xip:SecurityTag>"),
                xml);
        JsonNode catalogue = ApiClient.json(api.get("/simulator/catalogue", null));
        JsonNode asset = catalogue.get(1);
        assertEquals("a1", asset.get("ref").asText());
        assertEquals("Described", asset.get("description").asText());
        assertFalse(asset.get("visible").asBoolean());
        assertFalse(asset.get("deleted").asBoolean());
    }

    @Test
    void aDeletedEntityIsGoneButListedAsDeleted() {
        sim.catalogue().create("IO", "gone", "Gone soon", null, false);
        assertEquals(200, api.delete("/simulator/catalogue/entities/gone", null).statusCode());

        assertEquals(404, api.get("/api/entity/information-objects/gone", token).statusCode());
        String xml = updatedSince("");
        assertTrue(xml.contains("<Entity title=\"Gone soon\" ref=\"gone\" type=\"IO\" deleted=\"true\">"), xml);
        assertTrue(sim.catalogue().entry("gone").deleted());
    }

    @Test
    void updatedSinceListsEachEntityOnceAtItsLastChangeOldestFirst() {
        SimulatedCatalogue catalogue = sim.catalogue();
        catalogue.create("IO", "a", "A", null, false);
        catalogue.create("IO", "b", "B", null, false);
        catalogue.modify("a", "A2", null, false);

        String xml = updatedSince("");
        assertTrue(xml.indexOf("ref=\"b\"") < xml.indexOf("ref=\"a\""), xml);
        assertEquals(1, xml.split("ref=\"a\"").length - 1, xml);
        assertTrue(xml.contains("<TotalResults>2</TotalResults>"), xml);
        assertFalse(xml.contains("<Next>"), xml);
    }

    @Test
    void pagesAreCappedAndLinkedWithNext() {
        admin("/simulator/catalogue/settings", "{\"maxPageSize\":2}");
        for (String ref : List.of("p1", "p2", "p3")) {
            sim.catalogue().create("IO", ref, ref, null, false);
        }
        String first = updatedSince("&max=50");
        assertEquals(2, first.split("<Entity ").length - 1, first);
        assertTrue(first.contains("<Next>" + sim.baseUrl() + "/api/entity/entities/updated-since?date="), first);
        assertTrue(first.contains("start=2&amp;max=2</Next><TotalResults>3</TotalResults>"), first);
        String second = updatedSince("&start=2&max=50");
        assertTrue(second.contains("ref=\"p3\"") && !second.contains("<Next>"), second);
    }

    @Test
    void theEndDateLeavesOutEntitiesChangedAfterIt() {
        sim.catalogue().create("IO", "early", "Early", null, false);
        String end = java.time.Instant.now().toString();
        sleep(5);
        sim.catalogue().create("IO", "late", "Late", null, false);

        String xml = updatedSince("&endDate=" + end);
        assertTrue(xml.contains("ref=\"early\"") && !xml.contains("ref=\"late\""), xml);
    }

    @Test
    void aChangeCanLandWhileAClientPages() {
        SimulatedCatalogue catalogue = sim.catalogue();
        catalogue.create("IO", "x", "X", null, false);
        catalogue.create("IO", "y", "Y", null, false);
        admin("/simulator/catalogue/after-page", "{\"page\":1,\"action\":\"modify\",\"ref\":\"x\",\"title\":\"X2\"}");

        updatedSince("&max=1");

        assertEquals("X2", catalogue.entry("x").title());
    }

    @Test
    void aChangeIsInvisibleToTheQueriesDuringTheRestLag() {
        admin("/simulator/catalogue/settings", "{\"restLagMillis\":60000}");
        sim.catalogue().create("IO", "lagging", "Lagging", null, false);

        assertTrue(updatedSince("").contains("<TotalResults>0</TotalResults>"));
        assertEquals(200, api.get("/api/entity/information-objects/lagging", token).statusCode());
    }

    @Test
    void eventsAndEventActionsComeFromTheLog() {
        sim.catalogue().create("IO", "m", "M", null, false);
        sim.catalogue().move("m", "elsewhere", false);

        String events = ApiClient.text(api.get("/api/entity/events?types=Moved&from=2000-01-01T00:00:00Z", token));
        assertTrue(events.contains("<xip:Event type=\"Moved\"><xip:Ref>"), events);
        String eventRef = events.replaceAll("(?s).*<xip:Ref>([^<]+)</xip:Ref>.*", "$1");
        String actions = ApiClient.text(api.get("/api/entity/events/" + eventRef + "/event-actions", token));
        assertTrue(actions.contains("<xip:EventAction commandType=\"Moved\">") && actions.contains(
                "<xip:Entity>m</xip:Entity>"), actions);
        String history = ApiClient.text(api.get("/api/entity/information-objects/m/event-actions", token));
        assertTrue(history.indexOf("command_create") < history.indexOf("commandType=\"Moved\""), history);
    }

    @Test
    void aTitleEditFiresNoWebhookButAMoveDoesWhenAskedTo() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            sim.addSubscription(receiver.url(), "MOVED", SECRET);
            sim.addSubscription(receiver.url(), "FULL_TEXT_INDEXED", SECRET);
            sim.catalogue().create("IO", "t", "T", null, true);
            sim.catalogue().modify("t", "Renamed", null, false);
            sim.catalogue().move("t", "other", true);
            sim.catalogue().move("t", "third", false);

            List<String> triggers = receiver.deliveries().stream()
                    .map(d -> new String(d.body(), StandardCharsets.UTF_8).replaceAll(".*\"trigger\":\"([A-Z_]+)\".*",
                            "$1"))
                    .toList();
            assertEquals(List.of("FULL_TEXT_INDEXED", "MOVED"), triggers);
        }
    }

    @Test
    void queuedDeliveriesArriveInOrderOnceTheReceiverAnswers() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            sim.addSubscription(receiver.url(), "MOVED", SECRET);
            sim.receiverDown(ReceiverDown.QUEUE, Duration.ofMillis(50), 0);
            sim.catalogue().create("IO", "q", "Q", null, false);
            receiver.answerDeliveriesWith(503);
            sim.catalogue().move("q", "one", true);
            sim.catalogue().move("q", "two", true);
            assertEquals(2, sim.queuedDeliveries());

            receiver.answerDeliveriesWith(200);
            for (int i = 0; i < 100 && sim.queuedDeliveries() > 0; i++) {
                sleep(50);
            }
            assertEquals(0, sim.queuedDeliveries());
            List<String> accepted = sim.deliveries().stream().filter(DeliveryRecord::accepted)
                    .map(DeliveryRecord::bodyAsString).toList();
            assertEquals(2, accepted.size());
            assertTrue(accepted.get(0).compareTo(accepted.get(1)) <= 0, "in the order they were made: " + accepted);
        }
    }

    @Test
    void retriedDeliveriesArriveOnceTheReceiverIsBack() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            sim.addSubscription(receiver.url(), "MOVED", SECRET);
            sim.receiverDown(ReceiverDown.RETRY, Duration.ofMillis(100), 5);
            sim.catalogue().create("IO", "r", "R", null, false);
            receiver.answerDeliveriesWith(500);
            sim.catalogue().move("r", "one", true);
            receiver.answerDeliveriesWith(200);
            for (int i = 0; i < 100 && sim.deliveries().stream().noneMatch(DeliveryRecord::accepted); i++) {
                sleep(50);
            }
            assertTrue(sim.deliveries().stream().anyMatch(DeliveryRecord::accepted));
        }
    }

    private String updatedSince(String extraQuery) {
        HttpResponse<byte[]> response = api.get("/api/entity/entities/updated-since?date="
                + SINCE.replace("+", "%2B") + extraQuery, token);
        assertEquals(200, response.statusCode(), ApiClient.text(response));
        return ApiClient.text(response);
    }

    private void admin(String path, String json) {
        HttpResponse<byte[]> response = api.postJson(path, null, json);
        assertTrue(response.statusCode() / 100 == 2, path + " answered " + response.statusCode() + ": "
                + ApiClient.text(response));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
