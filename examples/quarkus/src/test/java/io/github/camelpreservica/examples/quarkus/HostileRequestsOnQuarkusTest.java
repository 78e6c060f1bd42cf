package io.github.camelpreservica.examples.quarkus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelpreservica.examples.quarkus.SimulatedPreservica.Receiver;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.HostileRequests.Engine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole hostile-request table of docs/user-guide.md against Quarkus' own HTTP server: the table's counting route
 * added beside the application's print-events route, on the same port. Each case gets the status the table gives for
 * Quarkus, and every good delivery between the cases reaches the route exactly once. The server runs in this JVM,
 * so the 1 GiB case measures the server's heap.
 */
@QuarkusTest
@TestProfile(HostileRequestsOnQuarkusTest.ShortTimeouts.class)
@QuarkusTestResource(value = SimulatedPreservica.class, restrictToAnnotatedClass = true)
class HostileRequestsOnQuarkusTest {

    private static final String PATH = "/preservica/hostile";

    private final Map<String, AtomicInteger> exchangesByRef = new ConcurrentHashMap<>();
    private final AtomicInteger caseExchanges = new AtomicInteger();

    Receiver receiver;

    @Inject
    CamelContext camelContext;

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsOutcomeOnQuarkus() throws Exception {
        camelContext.addRoutes(HostileRequests.route(exchangesByRef, caseExchanges));
        return new HostileRequests(Engine.QUARKUS, receiver.port(), PATH, SimulatedPreservica.WEBHOOK_SECRET)
                .dynamicTests(caseExchanges, exchangesByRef);
    }

    /** Quarkus' idle timeout (30 min by default) plays the head-timeout server's part: as short as there. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", HostileRequests.HEAD_TIMEOUT_MILLIS + "ms");
        }
    }
}
