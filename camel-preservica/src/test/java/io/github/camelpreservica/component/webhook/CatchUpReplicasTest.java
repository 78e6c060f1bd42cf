package io.github.camelpreservica.component.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas catching up with one shared checkpoint store (a MemoryStateRepository shared in this JVM, standing in
 * for a database): only the leader runs rounds, and when it dies in the middle of one, the next leader routes the
 * whole window again.
 */
class CatchUpReplicasTest extends WebhookTestSupport {

    @TempDir
    java.nio.file.Path clusterRoot;

    private final MemoryStateRepository sharedCheckpoints = new MemoryStateRepository();
    private final Map<String, Set<String>> caughtUpBy = new ConcurrentHashMap<>();
    private final List<CamelContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(CamelContext::stop);
    }

    @Test
    void whenTheLeaderDiesMidRoundTheNextLeaderRoutesEveryChange() throws Exception {
        AtomicInteger routedByA = new AtomicInteger();
        CamelContext a = startReplica("a", FreePorts.next(), () -> {
            if (routedByA.incrementAndGet() == 3) {
                // a dies in the middle of its round: it routed three changes of ten
                new Thread(() -> replicas.get(0).stop(), "kill-replica-a").start();
                sleep(300);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer(a).getCatchUpLastRound().contains("completed"));
        CamelContext b = startReplica("b", FreePorts.next(), () -> {
        });
        assertThat(consumer(b).isSubscriptionLeader()).isFalse();

        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String ref = "replicas-" + System.nanoTime() + "-" + i;
            simulator.catalogue().create("IO", ref, "Replicated " + i, null, false);
            refs.add(ref);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caughtUpBy.getOrDefault("b", Set.of()))
                .as("the next leader routes what the dead one had not").containsAll(refs.subList(3, 10)));
        Set<String> all = ConcurrentHashMap.newKeySet();
        caughtUpBy.values().forEach(all::addAll);
        assertThat(all).containsAll(refs);
        assertThat(caughtUpBy.get("a")).as("a routed only part of the window before it died")
                .doesNotContainAnyElementsOf(refs.subList(3, 10));
    }

    private CamelContext startReplica(String name, int port, Runnable onCaughtUp) throws Exception {
        CamelContext replica = replicaContext(name, port, clusterRoot);
        replica.getRegistry().bind("checkpoints", sharedCheckpoints);
        replica.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:events?trigger=INDEXED&webhookExternalUrl=http://" + LOOPBACK + ":" + port
                        + "/preservica/events&clusterNamespace=catch-up-events&catchUp=true&catchUpInterval=300"
                        + "&catchUpOverlap=1000&catchUpPageSize=2&checkpointRepository=#checkpoints")
                        .routeId("events")
                        .process(exchange -> {
                            if (Boolean.TRUE
                                    .equals(exchange.getMessage().getHeader(PreservicaWebhookConstants.CATCH_UP))) {
                                String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
                                caughtUpBy.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(ref);
                                onCaughtUp.run();
                            }
                        });
            }
        });
        replica.start();
        replicas.add(replica);
        return replica;
    }

    private static PreservicaWebhookConsumer consumer(CamelContext replica) {
        return (PreservicaWebhookConsumer) replica.getRoute("events").getConsumer();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
