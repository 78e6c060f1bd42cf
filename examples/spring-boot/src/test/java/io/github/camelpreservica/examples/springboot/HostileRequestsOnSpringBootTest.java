package io.github.camelpreservica.examples.springboot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.HostileRequests.Engine;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hostile-request table of docs/user-guide.md against the Spring Boot application: Spring's Tomcat on a
 * loopback port, the starter's body-limit filter on, the table's counting route added beside the application's own.
 * Each case gets the status the table gives for Spring Boot, and every good delivery between the cases reaches the
 * route exactly once. The server runs in this JVM, so the 1 GiB case measures the server's heap.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { PreservicaEventsApplication.class, HostileRequestsOnSpringBootTest.CountingRoute.class },
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileRequestsOnSpringBootTest {

    private static final String SECRET = "spring-boot-hostile-requests-secret";
    private static final String PATH = "/preservica/hostile";

    private static PreservicaSimulator simulator;
    private static int serverPort;

    // static: the route is a bean made before this test instance
    private static final Map<String, AtomicInteger> EXCHANGES_BY_REF = new ConcurrentHashMap<>();
    private static final AtomicInteger CASE_EXCHANGES = new AtomicInteger();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        // the application's own route subscribes: give it a Preservica
        simulator = PreservicaSimulator.builder().host(HostileRequests.LOOPBACK).port(0).user("admin", "secret", "TEST")
                .build().start();
        serverPort = FreePorts.next();
        SimulatedPreservicaProperties.register(registry, simulator, serverPort, SECRET);
        // Tomcat's read timeout (60 s by default) plays the head-timeout server's part: as short as there
        registry.add("server.tomcat.connection-timeout", () -> HostileRequests.HEAD_TIMEOUT_MILLIS + "ms");
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                () -> "http://" + HostileRequests.LOOPBACK + ":" + serverPort + "/preservica/events");
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsOutcomeOnSpringBoot() {
        return new HostileRequests(Engine.SPRING_BOOT, serverPort, PATH, SECRET)
                .dynamicTests(CASE_EXCHANGES, EXCHANGES_BY_REF);
    }

    /**
     * The table's counting route as a bean: platform-http on Spring Boot maps the paths of the routes there at start,
     * so one added later would answer 404.
     */
    @TestConfiguration
    static class CountingRoute {
        @Bean
        RouteBuilder hostileRequestsRoute() {
            // its own URL: the application's webhook-external-url is the component's, for every endpoint
            return HostileRequests.route(EXCHANGES_BY_REF, CASE_EXCHANGES, "&webhookExternalUrl=http://"
                    + HostileRequests.LOOPBACK + ":"
                    + serverPort + PATH);
        }
    }
}
