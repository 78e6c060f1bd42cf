package io.github.camelpreservica.component.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas (two CamelContexts, each with its own HTTP server) behind one URL served by a round-robin load
 * balancer, electing the one that manages the subscription with camel-file's FileLockClusterService on a shared
 * directory.
 */
class ReplicasTest extends WebhookTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path clusterRoot;

    private final Map<String, String> receivedBy = new ConcurrentHashMap<>();
    private final Map<String, Integer> timesReceived = new ConcurrentHashMap<>();
    private final List<CamelContext> replicas = new ArrayList<>();
    private RoundRobinProxy balancer;
    private int portA;
    private int portB;

    @BeforeEach
    void startBalancer() throws Exception {
        portA = FreePorts.next();
        portB = FreePorts.next();
        balancer = new RoundRobinProxy(List.of(portA, portB));
    }

    @AfterEach
    void stopReplicasAndBalancer() throws Exception {
        for (CamelContext replica : replicas) {
            replica.stop();
        }
        balancer.close();
    }

    @Test
    void onlyTheLeaderSubscribesAndEveryReplicaReceives() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);

        assertThat(consumer(b).isSubscriptionLeader()).isFalse();
        assertThat(consumer(b).isReady()).as("a follower receives, so it is ready").isTrue();
        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::url)
                .isEqualTo(publicUrl());
        assertThat(consumer(b).getSubscriptionIds()).as("the follower manages nothing").isEmpty();

        List<String> refs = fire(20, "both");

        assertThat(timesReceived).containsOnlyKeys(refs).allSatisfy((ref, times) -> assertThat(times).isEqualTo(1));
        assertThat(receivedBy.values()).contains("a", "b");
    }

    @Test
    void stoppingTheLeaderLeavesTheSubscriptionToTheReplicaThatTakesOver() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);
        String id = simulator.subscriptions().get(0).id();

        stop(a);

        assertThat(simulator.subscriptions()).as("a leaves it; b removes it only once its own is in place")
                .isNotEmpty();
        awaitManaging(b);
        // replaced, not adopted: only a subscribe call proves that the secret is the current one
        assertThat(simulator.subscriptions()).as("replaced, not duplicated").singleElement()
                .extracting(SimulatedSubscription::id).isNotEqualTo(id)
                .isEqualTo(consumer(b).getSubscriptionIds());
        List<String> refs = fire(6, "after-a");
        assertThat(refs).allSatisfy(ref -> assertThat(receivedBy).containsEntry(ref, "b"));
    }

    @Test
    void stoppingAFollowerLeavesTheSubscriptionAndTheLeader() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);
        String id = simulator.subscriptions().get(0).id();

        stop(b);

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(id);
        assertThat(consumer(a).isSubscriptionLeader()).isTrue();
        List<String> refs = fire(4, "after-b");
        assertThat(refs).allSatisfy(ref -> assertThat(receivedBy).containsEntry(ref, "a"));
    }

    @Test
    void aNewLeaderSubscribesAgainWhenTheSubscriptionIsGone() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);
        String removed = simulator.subscriptions().get(0).id();
        // someone removes it in Preservica while the leader runs
        template.sendBody("preservica-webhook:ops?operation=unsubscribe&subscriptionId=" + removed, null);
        assertThat(simulator.subscriptions()).isEmpty();

        stop(a);

        awaitManaging(b);
        assertThat(simulator.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.url()).isEqualTo(publicUrl());
            assertThat(s.id()).isNotEqualTo(removed).isEqualTo(consumer(b).getSubscriptionIds());
        });
        assertThat(fire(2, "resubscribed")).allSatisfy(ref -> assertThat(receivedBy).containsEntry(ref, "b"));
    }

    @Test
    void aLeaderThatLosesTheElectionHandsOverWithoutUnsubscribing() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);
        String id = simulator.subscriptions().get(0).id();

        // a's lock is released while its route keeps running, as when a lease expires
        a.hasService(FileLockClusterService.class).stopView("preservica-events");

        awaitManaging(b);
        assertThat(consumer(a).isSubscriptionLeader()).isFalse();
        assertThat(consumer(a).getSubscriptionIds()).as("a manages nothing any more").isEmpty();
        assertThat(simulator.subscriptions()).as("b's own replaced the one a made").singleElement()
                .extracting(SimulatedSubscription::id).isNotEqualTo(id)
                .isEqualTo(consumer(b).getSubscriptionIds());
        List<String> refs = fire(4, "after-handover");
        assertThat(refs).allSatisfy(ref -> assertThat(timesReceived).containsEntry(ref, 1));
    }

    @Test
    void aReplicaElectedAgainChecksTheSubscriptionAfresh() throws Exception {
        CamelContext a = startReplica("a", portA);
        awaitManaging(a);
        CamelContext b = startReplica("b", portB);
        a.hasService(FileLockClusterService.class).stopView("preservica-events");
        awaitManaging(b);
        a.hasService(FileLockClusterService.class).startView("preservica-events");
        String removed = simulator.subscriptions().get(0).id();
        template.sendBody("preservica-webhook:ops?operation=unsubscribe&subscriptionId=" + removed, null);

        stop(b);

        awaitManaging(a);
        assertThat(simulator.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.id()).isNotEqualTo(removed).isEqualTo(consumer(a).getSubscriptionIds());
            assertThat(s.url()).isEqualTo(publicUrl());
        });
    }

    /** Waits until the replica leads and its subscription is in place. */
    private static void awaitManaging(CamelContext replica) {
        await().atMost(WAIT).until(() -> consumer(replica).isSubscriptionLeader() && consumer(replica).isSubscribed()
                && !consumer(replica).getSubscriptionIds().isEmpty());
    }

    /** Fires one delivery per ref through the simulator, each answered 200; returns the refs. */
    private List<String> fire(int count, String prefix) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ref = prefix + "-" + i;
            refs.add(ref);
            assertThat(simulator.fire("INDEXED", ref)).singleElement().extracting(DeliveryRecord::status)
                    .as("delivery %s", ref).isEqualTo(200);
        }
        return refs;
    }

    private String publicUrl() {
        return "http://" + LOOPBACK + ":" + balancer.port() + "/preservica/events";
    }

    private CamelContext startReplica(String name, int port) throws Exception {
        CamelContext replica = replicaContext(name, port, clusterRoot);
        replica.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:events?trigger=INDEXED&webhookExternalUrl=" + publicUrl()
                        + "&clusterNamespace=preservica-events&subscribeRetryDelay=200&subscribeRetryMaxDelay=1000")
                        .routeId("events")
                        .process(exchange -> {
                            String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
                            receivedBy.put(ref, name);
                            timesReceived.merge(ref, 1, Integer::sum);
                        });
            }
        });
        replica.start();
        replicas.add(replica);
        return replica;
    }

    private void stop(CamelContext replica) {
        replica.stop();
        replicas.remove(replica);
    }

    private static PreservicaWebhookConsumer consumer(CamelContext replica) {
        return (PreservicaWebhookConsumer) replica.getRoute("events").getConsumer();
    }
}
