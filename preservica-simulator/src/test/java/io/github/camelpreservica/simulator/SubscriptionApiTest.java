package io.github.camelpreservica.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.simulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribing with the live URL challenge, listing and unsubscribing, over real HTTP on both sides. */
class SubscriptionApiTest {

    private static final String SUBSCRIPTIONS = "/api/webhook/subscriptions";
    private static final String SECRET = "my_shared_secret";

    private PreservicaSimulator sim;
    private TestReceiver receiver;
    private ApiClient api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sim = PreservicaSimulator.builder().user("admin", "secret", "TEST")
                .user("viewer", "pw", "TEST", "ROLE_SDB_VIEWER").challengeTimeout(Duration.ofSeconds(2)).build()
                .start();
        receiver = new TestReceiver(SECRET);
        api = new ApiClient(sim.baseUrl());
        token = api.login("admin", "secret", "TEST");
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
    }

    private HttpResponse<byte[]> subscribe(String url, String trigger, String includeIdentifiers) {
        return api.postJson(SUBSCRIPTIONS, token, "{\"url\":\"" + url + "\",\"triggerType\":\"" + trigger
                + "\",\"secret\":\"" + SECRET + "\",\"includeIdentifiers\":" + includeIdentifiers + "}");
    }

    @Test
    void subscribeSucceedsWhenReceiverAnswersChallengeWithTheRightSecret() {
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(200, response.statusCode(), ApiClient.text(response));
        JsonNode created = json(response);
        assertTrue(created.get("id").asText().matches("[0-9a-f]{32}"));
        assertEquals(receiver.url(), created.get("url").asText());
        assertEquals("FULL_TEXT_INDEXED", created.get("triggerType").asText());
        assertEquals(1, sim.subscriptions().size());
        assertEquals(created.get("id").asText(), sim.subscriptions().get(0).id());
        assertTrue(sim.subscriptions().get(0).includeIdentifiers());
    }

    @Test
    void challengeIsAnEmptyPostWithChallengeCodeQuery() {
        subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(1, receiver.challenges().size());
        TestReceiver.Received challenge = receiver.challenges().get(0);
        assertTrue(challenge.query().startsWith("challengeCode="), challenge.query());
        assertEquals(0, challenge.body().length);
    }

    @Test
    void challengeCodeIsAppendedWithAmpersandWhenUrlHasAQuery() {
        HttpResponse<byte[]> response = subscribe(receiver.url() + "?route=a", "MOVED", "true");
        assertEquals(200, response.statusCode(), ApiClient.text(response));
        assertTrue(receiver.challenges().get(0).query().startsWith("route=a&challengeCode="));
    }

    @Test
    void subscribeFailsWith400AndStoresNothingWhenReceiverUsesAnotherSecret() {
        receiver.answerChallengesWith("some_other_secret");
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().startsWith("Webhook URL validation failed: "));
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void subscribeFailsWhenChallengeAnswerDoesNotEchoTheCode() {
        receiver.answerChallengesVerbatim(200, "application/json",
                "{\"challengeCode\":\"other\",\"challengeResponse\":\"00\"}");
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("does not echo the challengeCode"));
    }

    @Test
    void subscribeFailsWhenChallengeAnswerIsNotJson() {
        receiver.answerChallengesVerbatim(200, "text/plain", "ok");
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("instead of application/json"));
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void subscribeFailsNamingTheStatusWhenChallengeIsRefused() {
        receiver.answerChallengesVerbatim(403, "application/json", "{}");
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("HTTP 403"));
    }

    @Test
    void subscribeFailsWhenNothingListensAtTheUrl() {
        receiver.close();
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("could not connect to 127.0.0.1"));
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void subscribeFailsNamingTheTimeoutWhenChallengeAnswerIsTooSlow() {
        receiver.delayChallengeAnswers(6000);
        HttpResponse<byte[]> response = subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("within 2000 ms"), ApiClient.text(response));
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void subscribeRejectsTriggerThatIsNotAWireValue() {
        HttpResponse<byte[]> response = subscribe(receiver.url(), "INDEXED", "\"true\"");
        assertEquals(400, response.statusCode());
        assertTrue(receiver.challenges().isEmpty());
    }

    @Test
    void includeIdentifiersAcceptsJsonBoolean() {
        assertEquals(200, subscribe(receiver.url(), "INGEST_FAILED", "false").statusCode());
        assertEquals(false, sim.subscriptions().get(0).includeIdentifiers());
    }

    @Test
    void listShowsSubscriptionsWithoutTheirSecret() {
        subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"");
        sim.addSubscription(receiver.url(), "SECURITY_CHANGED", "other");
        HttpResponse<byte[]> response = api.get(SUBSCRIPTIONS, token);
        assertEquals(200, response.statusCode());
        JsonNode list = json(response);
        assertEquals(2, list.size());
        assertEquals("CHANGED_SECURITY_DESCRIPTOR", list.get(1).get("triggerType").asText());
        assertTrue(!ApiClient.text(response).contains(SECRET));
    }

    @Test
    void unsubscribeAnswers204ThenUnknownIdAnswers404() {
        String id = json(subscribe(receiver.url(), "FULL_TEXT_INDEXED", "\"true\"")).get("id").asText();
        assertEquals(204, api.delete(SUBSCRIPTIONS + "/" + id, token).statusCode());
        assertTrue(sim.subscriptions().isEmpty());
        assertEquals(404, api.delete(SUBSCRIPTIONS + "/" + id, token).statusCode());
    }

    @Test
    void webhookCallsNeedAManagerRole() {
        String viewerToken = api.login("viewer", "pw", "TEST");
        HttpResponse<byte[]> response = api.get(SUBSCRIPTIONS, viewerToken);
        assertEquals(403, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("ROLE_SDB_MANAGER_USER"));
    }

    @Test
    void addSubscriptionStoresWithoutAnyChallenge() {
        String id = sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        assertTrue(id.matches("[0-9a-f]{32}"));
        assertTrue(receiver.challenges().isEmpty());
        assertEquals("FULL_TEXT_INDEXED", sim.subscriptions().get(0).triggerType());
    }

    @Test
    void subscriptionToStringHidesTheSecret() {
        sim.addSubscription(receiver.url(), "INDEXED", SECRET);
        assertTrue(!sim.subscriptions().get(0).toString().contains(SECRET));
    }
}
