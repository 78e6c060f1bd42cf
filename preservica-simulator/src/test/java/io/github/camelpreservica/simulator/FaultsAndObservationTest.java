package io.github.camelpreservica.simulator;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected faults, the request journal and reset. */
class FaultsAndObservationTest {

    private static final String VERSION_PATH = "/api/entity/versiondetails/version";

    private PreservicaSimulator sim;
    private ApiClient api;
    private String token;

    @BeforeEach
    void start() {
        sim = PreservicaSimulator.builder().build().start();
        api = new ApiClient(sim.baseUrl());
        token = api.login("admin", "secret", "TEST");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void failNextCallsAnswers503ThatManyTimesThenRecovers() {
        sim.failNextCalls(2);
        assertEquals(503, api.get(VERSION_PATH, token).statusCode());
        assertEquals(503, api.get(VERSION_PATH, token).statusCode());
        assertEquals(200, api.get(VERSION_PATH, token).statusCode());
    }

    @Test
    void failNextCallsUsesTheGivenStatus() {
        sim.failNextCalls(1, 502);
        assertEquals(502, api.get(VERSION_PATH, token).statusCode());
    }

    @Test
    void delayedAnswerStillArrives() {
        sim.delayResponses(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, api.get(VERSION_PATH, token).statusCode());
        // a lower bound only: the delay must have happened; how much longer it took is not checked
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 300);
        sim.delayResponses(Duration.ZERO);
    }

    @Test
    void requestsAreRecordedWithCaseInsensitiveHeaders() {
        api.get(VERSION_PATH + "?x=1", token);
        RecordedRequest last = sim.requests().get(sim.requests().size() - 1);
        assertEquals("GET", last.method());
        assertEquals(VERSION_PATH, last.path());
        assertEquals("x=1", last.query());
        assertEquals(token, last.header("Preservica-Access-Token"));
        assertEquals(token, last.headers().get("preservica-access-token").get(0));
    }

    @Test
    void recordedLoginDoesNotShowThePasswordInToString() {
        assertFalse(sim.requests().get(0).toString().contains("secret"));
        assertTrue(sim.requests().get(0).bodyAsString().contains("password=secret"));
    }

    @Test
    void resetClearsRequestsFaultsSubscriptionsAndLoginCount() {
        sim.addSubscription("http://127.0.0.1:1/hook", "INDEXED", "s");
        sim.failNextCalls(5);
        sim.reset();
        assertTrue(sim.subscriptions().isEmpty());
        assertTrue(sim.requests().isEmpty());
        assertEquals(0, sim.loginCount());
        assertEquals(200, api.get(VERSION_PATH, token).statusCode());
    }
}
