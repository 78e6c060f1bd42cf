package io.github.camelpreservica.client;

import java.io.IOException;
import java.time.Duration;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreservicaClientResilienceTest {

    private PreservicaSimulator sim;
    private PreservicaClient client;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.simulator().build().start();
        client = new PreservicaClient(clientFor(sim).maxRetries(3).build());
        client.serverVersion(); // logged in: the faults below hit the calls under test, not the login
        sim.reset();
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private long callsTo(String path) {
        return sim.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    @Test
    void retriesA503BurstThenSucceeds() {
        sim.failNextCalls(2);
        assertEquals("7.0.0", client.serverVersion());
        assertEquals(3, callsTo(PreservicaClient.VERSION_PATH));
    }

    @Test
    void retriesBadGatewayAndGatewayTimeoutToo() {
        sim.failNextCalls(1, 502);
        assertEquals("7.0.0", client.serverVersion());
        sim.failNextCalls(1, 504);
        assertEquals("7.0.0", client.serverVersion());
        assertEquals(4, callsTo(PreservicaClient.VERSION_PATH));
    }

    @Test
    void gives503BeyondMaxRetriesAsServerExceptionWithStatus() {
        sim.failNextCalls(10);
        PreservicaServerException e = assertThrows(PreservicaServerException.class, client::serverVersion);
        assertEquals(503, e.statusCode());
        assertTrue(e.getMessage().startsWith("GET /api/entity/versiondetails/version answered 503: "), e.getMessage());
        assertEquals(4, callsTo(PreservicaClient.VERSION_PATH), "one call and three retries");
    }

    @Test
    void doesNotRetryAnInternalServerError() {
        sim.failNextCalls(1, 500);
        PreservicaServerException e = assertThrows(PreservicaServerException.class, client::roles);
        assertEquals(500, e.statusCode());
        assertTrue(e.getMessage().contains("Simulated failure"), e.getMessage());
        assertEquals(1, callsTo(PreservicaClient.USER_DETAILS_PATH));
    }

    @Test
    void doesNotRetryWhenMaxRetriesIsZero() {
        try (PreservicaClient noRetries = new PreservicaClient(clientFor(sim).maxRetries(0).build())) {
            noRetries.serverVersion();
            sim.reset();
            sim.failNextCalls(1);
            assertEquals(503, assertThrows(PreservicaServerException.class, noRetries::serverVersion).statusCode());
        }
        assertEquals(1, callsTo(PreservicaClient.VERSION_PATH));
    }

    @Test
    void retriesTheLoginToo() {
        try (PreservicaClient fresh = new PreservicaClient(clientFor(sim).build())) {
            sim.failNextCalls(2); // the first call of a fresh client is its login
            assertEquals("7.0.0", fresh.serverVersion());
        }
        assertEquals(3, callsTo(AccessTokenSession.LOGIN_PATH));
        assertEquals(1, sim.loginCount());
    }

    @Test
    void namesHostAndConnectTimeoutWhenNothingListens() throws IOException {
        int closedPort = FreePorts.next();
        PreservicaClientConfig config = PreservicaClientConfig.builder().server("http://127.0.0.1:" + closedPort)
                .username("admin").password("pw").connectTimeout(Duration.ofSeconds(2)).maxRetries(1)
                .retryBackoff(Duration.ofMillis(10)).build();
        try (PreservicaClient unreachable = new PreservicaClient(config)) {
            PreservicaUnreachableException e = assertThrows(PreservicaUnreachableException.class,
                    unreachable::serverVersion);
            assertTrue(e.getMessage().startsWith(
                    "Preservica at http://127.0.0.1:" + closedPort + " is unreachable (connect timeout 2s): "),
                    e.getMessage());
            assertEquals(-1, e.statusCode());
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
    }

    @Test
    void reportsReadTimeoutNamingCallAndTimeout() {
        try (PreservicaClient impatient = new PreservicaClient(
                clientFor(sim).readTimeout(Duration.ofMillis(300)).maxRetries(1).build())) {
            sim.delayResponses(Duration.ZERO);
            impatient.serverVersion();
            sim.delayResponses(Duration.ofSeconds(2));
            PreservicaTimeoutException e = assertThrows(PreservicaTimeoutException.class, impatient::roles);
            assertEquals("Preservica at " + sim.baseUrl() + " did not answer GET /api/user/details within the read"
                    + " timeout of 300ms (after 2 attempts)", e.getMessage());
            assertInstanceOf(PreservicaUnreachableException.class, e);
        } finally {
            sim.delayResponses(Duration.ZERO);
        }
    }

    @Test
    void doesNotRetryAPostThatTimedOut() {
        try (PreservicaClient impatient = new PreservicaClient(
                clientFor(sim).readTimeout(Duration.ofMillis(300)).maxRetries(3).build())) {
            impatient.serverVersion();
            sim.reset();
            sim.delayResponses(Duration.ofSeconds(1));
            assertThrows(PreservicaTimeoutException.class,
                    () -> impatient.subscribe("http://127.0.0.1:9/hook", TriggerType.MOVED, "s3cret"));
        } finally {
            sim.delayResponses(Duration.ZERO);
        }
        assertEquals(1, callsTo(PreservicaClient.SUBSCRIPTIONS_PATH));
    }

    @Test
    void doesNotRepeatASubscribeAfterBadGatewayBecauseItMayHaveBeenStored() {
        sim.failNextCalls(1, 502);
        PreservicaServerException e = assertThrows(PreservicaServerException.class,
                () -> client.subscribe("http://127.0.0.1:9/hook", TriggerType.MOVED, "s3cret"));
        assertEquals(502, e.statusCode());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertEquals(1, callsTo(PreservicaClient.SUBSCRIPTIONS_PATH));
    }

    @Test
    void doesNotRepeatAnUnsubscribeAfterGatewayTimeout() {
        sim.failNextCalls(1, 504);
        String path = PreservicaClient.SUBSCRIPTIONS_PATH + "/c306c99ca3a736124fa711bec53c737d";
        assertEquals(504, assertThrows(PreservicaServerException.class,
                () -> client.unsubscribe("c306c99ca3a736124fa711bec53c737d")).statusCode());
        assertEquals(1, callsTo(path));
    }

    @Test
    void retriesAnUnsubscribeAfter503BecauseNothingWasDone() {
        String id = sim.addSubscription("http://127.0.0.1:9/hook", "MOVED", "x");
        sim.failNextCalls(2);
        client.unsubscribe(id);
        assertTrue(sim.subscriptions().isEmpty());
        assertEquals(3, callsTo(PreservicaClient.SUBSCRIPTIONS_PATH + "/" + id));
    }

    @Test
    void refusesCallsAfterClose() {
        client.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, client::serverVersion);
        assertTrue(e.getMessage().contains(sim.baseUrl()), e.getMessage());
    }
}
