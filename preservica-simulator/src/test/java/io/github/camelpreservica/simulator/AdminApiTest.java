package io.github.camelpreservica.simulator;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.simulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /simulator/} control API the standalone jar is driven with. */
class AdminApiTest {

    private static final String SECRET = "my_shared_secret";

    private PreservicaSimulator sim;
    private TestReceiver receiver;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sim = PreservicaSimulator.builder().build().start();
        receiver = new TestReceiver(SECRET);
        api = new ApiClient(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
    }

    @Test
    void eventsFiredOverHttpReachTheReceiverSigned() {
        sim.addSubscription(receiver.url(), "FULL_TEXT_INDEXED", SECRET);
        HttpResponse<byte[]> response = api.postJson("/simulator/events", null, "{\"trigger\":\"INDEXED\","
                + "\"events\":[{\"entityType\":\"IO\",\"entityRef\":\"" + DemoAssets.HARBOUR_REF + "\"}],"
                + "\"chunked\":false}");
        assertEquals(200, response.statusCode(), ApiClient.text(response));
        JsonNode records = json(response);
        assertEquals(1, records.size());
        assertEquals(200, records.get(0).get("status").asInt());
        assertFalse(records.get(0).get("chunked").asBoolean());
        TestReceiver.Received received = receiver.deliveries().get(0);
        assertEquals(WebhookSigning.deliverySignature(SECRET, received.body()), received.signature());
        assertEquals(1, json(api.get("/simulator/deliveries", null)).size());
    }

    @Test
    void eventWithUnknownTriggerAnswers400() {
        HttpResponse<byte[]> response = api.postJson("/simulator/events", null,
                "{\"trigger\":\"NOPE\",\"events\":[{\"entityRef\":\"x\"}]}");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("NOPE"));
    }

    @Test
    void subscriptionsAreListedWithoutSecrets() {
        sim.addSubscription(receiver.url(), "MOVED", SECRET);
        HttpResponse<byte[]> response = api.get("/simulator/subscriptions", null);
        assertEquals("MOVED", json(response).get(0).get("triggerType").asText());
        assertFalse(ApiClient.text(response).contains(SECRET));
    }

    @Test
    void subscriptionAddedOverHttpSkipsTheChallenge() {
        HttpResponse<byte[]> response = api.postJson("/simulator/subscriptions", null, "{\"url\":\"" + receiver.url()
                + "\",\"triggerType\":\"INDEXED\",\"secret\":\"" + SECRET + "\"}");
        assertEquals(200, response.statusCode());
        assertEquals(json(response).get("id").asText(), sim.subscriptions().get(0).id());
        assertTrue(receiver.challenges().isEmpty());
    }

    @Test
    void faultsAreSetOverHttp() {
        api.postJson("/simulator/faults", null, "{\"failNext\":1,\"status\":502,\"delayMillis\":0}");
        assertEquals(502, api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret")
                .statusCode());
    }

    @Test
    void tokensExpireOverHttp() {
        String token = api.login("admin", "secret", "TEST");
        assertEquals(204, api.postJson("/simulator/tokens/expire", null, "").statusCode());
        assertEquals(401, api.get("/api/user/details", token).statusCode());
    }

    @Test
    void requestsAreListedWithCredentialsHidden() {
        String token = api.login("admin", "secret", "TEST");
        api.get("/api/user/details", token);
        String listed = ApiClient.text(api.get("/simulator/requests", null));
        assertTrue(listed.contains("/api/user/details"));
        assertFalse(listed.contains("password=secret"));
        assertFalse(listed.contains(token));
    }

    @Test
    void assetAddedOverHttpIsServed() {
        HttpResponse<byte[]> added = api.postJson("/simulator/assets", null,
                "{\"ref\":\"r-9\",\"title\":\"Added\",\"thumbnailBase64\":\"AQID\",\"thumbnailContentType\":\"image/gif\"}");
        assertEquals(204, added.statusCode());
        String token = api.login("admin", "secret", "TEST");
        HttpResponse<byte[]> thumbnail = api.get("/api/content/thumbnail?id=sdb:IO%7Cr-9&size=small", token);
        assertEquals("image/gif", thumbnail.headers().firstValue("Content-Type").orElse(""));
        assertEquals(3, thumbnail.body().length);
    }

    @Test
    void resetOverHttpClearsSubscriptions() {
        sim.addSubscription(receiver.url(), "MOVED", SECRET);
        assertEquals(204, api.postJson("/simulator/reset", null, "").statusCode());
        assertTrue(sim.subscriptions().isEmpty());
    }
}
