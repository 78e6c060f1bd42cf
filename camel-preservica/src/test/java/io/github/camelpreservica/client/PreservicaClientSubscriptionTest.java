package io.github.camelpreservica.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.RecordedRequest;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.client.SimulatorFixture.VIEWER;
import static io.github.camelpreservica.client.SimulatorFixture.VIEWER_PASSWORD;
import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreservicaClientSubscriptionTest {

    private static final String SECRET = "Sh4red-Webhook-Secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PreservicaSimulator sim;
    private ChallengeReceiver receiver;
    private PreservicaClient client;

    @BeforeEach
    void start() throws IOException {
        sim = SimulatorFixture.simulator().build().start();
        receiver = new ChallengeReceiver(SECRET);
        client = new PreservicaClient(clientFor(sim).build());
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
        sim.close();
    }

    private List<RecordedRequest> subscribeRequests() {
        return sim.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(PreservicaClient.SUBSCRIPTIONS_PATH))
                .toList();
    }

    @Test
    void subscribeListAndUnsubscribeRoundTrip() {
        Subscription created = client.subscribe(receiver.url(), TriggerType.INDEXED, SECRET);
        assertTrue(created.id().matches("[0-9a-f]{32}"), created.id());
        assertEquals(receiver.url(), created.url());
        assertEquals(TriggerType.INDEXED, created.trigger().orElseThrow());
        assertEquals(1, receiver.challengeCodes().size(), "the simulator challenged the receiver once");

        assertEquals(List.of(created.id()), client.listSubscriptions().stream().map(Subscription::id).toList());
        SimulatedSubscription stored = sim.subscriptions().get(0);
        assertEquals("FULL_TEXT_INDEXED", stored.triggerType());
        assertEquals(SECRET, stored.secret());
        assertTrue(stored.includeIdentifiers());

        client.unsubscribe(created.id());
        assertTrue(client.listSubscriptions().isEmpty());
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void sendsTheSubscribeBodyExactlyAsTheProtocolSays() throws IOException {
        client.subscribe(receiver.url(), TriggerType.SECURITY_CHANGED, SECRET);
        RecordedRequest request = subscribeRequests().get(0);
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        assertTrue(request.header(PreservicaHttp.TOKEN_HEADER) != null);
        assertEquals("{\"url\":\"" + receiver.url() + "\",\"triggerType\":\"CHANGED_SECURITY_DESCRIPTOR\",\"secret\":\""
                + SECRET + "\",\"includeIdentifiers\":\"true\"}", request.bodyAsString());
        JsonNode body = JSON.readTree(request.body());
        assertTrue(body.get("includeIdentifiers").isTextual(), "includeIdentifiers is the string \"true\"");
    }

    @Test
    void sendsIncludeIdentifiersFalseAsAStringWhenAsked() throws IOException {
        client.subscribe(receiver.url(), TriggerType.MOVED, SECRET, false);
        JsonNode body = JSON.readTree(subscribeRequests().get(0).body());
        assertEquals("false", body.get("includeIdentifiers").textValue());
        assertFalse(sim.subscriptions().get(0).includeIdentifiers());
    }

    @Test
    void wrongChallengeAnswerFailsTheSubscriptionAndStoresNothing() {
        receiver.behave(ChallengeReceiver.Behaviour.ANSWER_WITH_WRONG_HASH);
        PreservicaChallengeFailedException e = assertThrows(PreservicaChallengeFailedException.class,
                () -> client.subscribe(receiver.url(), TriggerType.INDEXED, SECRET));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().startsWith("Preservica refused to subscribe " + receiver.url()
                + " to FULL_TEXT_INDEXED (400)"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(sim.subscriptions().isEmpty());
        assertTrue(client.listSubscriptions().isEmpty());
    }

    @Test
    void receiverAnsweringWithAnErrorFailsTheSubscription() {
        receiver.behave(ChallengeReceiver.Behaviour.ANSWER_500);
        PreservicaChallengeFailedException e = assertThrows(PreservicaChallengeFailedException.class,
                () -> client.subscribe(receiver.url(), TriggerType.MOVED, SECRET));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertTrue(sim.subscriptions().isEmpty());
    }

    @Test
    void listKeepsFieldsItDoesNotModel() {
        String id = sim.addSubscription("http://127.0.0.1:9/left-behind", "INGEST_FAILED", "old-secret");
        Subscription listed = client.listSubscriptions().get(0);
        assertEquals(id, listed.id());
        assertEquals("INGEST_FAILED", listed.triggerType());
        assertEquals(Boolean.TRUE, listed.attributes().get("includeIdentifiers"));
        assertFalse(listed.attributes().containsKey("id"), "modelled fields are not repeated in attributes");
        assertFalse(listed.toString().contains("includeIdentifiers"), listed.toString());
    }

    @Test
    void unsubscribeAllRemovesEverySubscriptionAndReturnsTheirIds() {
        Subscription first = client.subscribe(receiver.url(), TriggerType.INDEXED, SECRET);
        Subscription second = client.subscribe(receiver.url(), TriggerType.MOVED, SECRET);
        String leftBehind = sim.addSubscription("http://127.0.0.1:9/gone", "MOVED", "x");

        List<String> removed = client.unsubscribeAll();

        assertEquals(Set.of(first.id(), second.id(), leftBehind), Set.copyOf(removed));
        assertTrue(sim.subscriptions().isEmpty());
        Map<String, Long> deletes = sim.requests().stream().filter(r -> r.method().equals("DELETE"))
                .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
        assertEquals(3, deletes.size());
        assertTrue(deletes.containsKey(PreservicaClient.SUBSCRIPTIONS_PATH + "/" + first.id()));
    }

    @Test
    void unsubscribeUnknownIdIsNotFound() {
        PreservicaNotFoundException e = assertThrows(PreservicaNotFoundException.class,
                () -> client.unsubscribe("c306c99ca3a736124fa711bec53c737d"));
        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().contains("c306c99ca3a736124fa711bec53c737d"), e.getMessage());
    }

    @Test
    void viewerLacksTheWebhookRole() {
        try (PreservicaClient viewer = new PreservicaClient(
                clientFor(sim).username(VIEWER).password(VIEWER_PASSWORD).build())) {
            assertEquals(List.of("ROLE_SDB_VIEWER"), viewer.roles());
            PreservicaAccessDeniedException e = assertThrows(PreservicaAccessDeniedException.class,
                    viewer::requireWebhookRole);
            assertTrue(e.getMessage().contains("ROLE_SDB_MANAGER_USER"), e.getMessage());
            assertTrue(e.getMessage().contains("user 'viewer' on tenant 'TEST'"), e.getMessage());
        }
    }

    @Test
    void viewerIsDeniedTheSubscriptionListWith403() {
        try (PreservicaClient viewer = new PreservicaClient(
                clientFor(sim).username(VIEWER).password(VIEWER_PASSWORD).build())) {
            PreservicaAccessDeniedException e = assertThrows(PreservicaAccessDeniedException.class,
                    viewer::listSubscriptions);
            assertEquals(403, e.statusCode());
            assertTrue(e.getMessage().contains("GET /api/webhook/subscriptions (403)"), e.getMessage());
        }
    }

    @Test
    void managerHasTheWebhookRole() {
        assertTrue(client.roles().contains("ROLE_SDB_MANAGER_USER"));
        client.requireWebhookRole();
    }
}
