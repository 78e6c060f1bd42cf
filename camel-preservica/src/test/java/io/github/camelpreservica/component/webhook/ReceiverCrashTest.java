package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver JVM killed outright with SIGKILL (no route stop, no unsubscribe, no shutdown hook), then a receiver
 * started again on the same URL: the subscription the dead JVM made is replaced, not duplicated, and none is left after
 * the restarted one stops. The simulator and the
 * restarted receiver run in the test JVM, the killed receiver in a child JVM ({@link CrashingReceiverMain}).
 */
class ReceiverCrashTest {

    // values found nowhere else, so that seeing them in the child's output would mean they leaked
    private static final String USER = "crash-test-user";
    private static final String PASSWORD = "pw-7c41d9e2-crash";
    private static final String SECRET = "shared-5b08f3aa-crash";
    private static final String NAME = "indexed";
    private static final Duration CHILD_WAIT = Duration.ofSeconds(60);
    // the port asked for, then up to two free ones, should something else have bound the one before in the meantime
    private static final int MAX_ATTEMPTS = 3;

    private PreservicaSimulator simulator;
    private final List<ReceiverJvm> children = new ArrayList<>();
    private CamelContext restarted;

    @BeforeEach
    void startSimulator() {
        simulator = PreservicaSimulator.builder().port(0).user(USER, PASSWORD, WebhookTestSupport.TENANT).build()
                .start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (ReceiverJvm child : children) {
                child.close();
            }
            if (restarted != null) {
                restarted.stop();
            }
        } finally {
            simulator.close();
        }
    }

    @Test
    void replacesTheSubscriptionLeftByAKilledJvmAndLeavesNoneAfterACleanStop() throws Exception {
        ReceiverJvm child = startReceiverJvm(FreePorts.next());
        String deadId = onlySubscription().id();
        assertThat(onlySubscription().url()).isEqualTo(receiverUrl(child.port()));
        assertThat(simulator.fire("INDEXED", "before-the-crash")).extracting(DeliveryRecord::status)
                .containsExactly(200);
        assertThat(child.awaitLine(CrashingReceiverMain.RECEIVED, CHILD_WAIT)).contains("before-the-crash");

        assertThat(child.kill()).as("killed by SIGKILL, not a clean exit").isNotZero();
        assertThat(simulator.subscriptions()).as("a killed JVM removes nothing")
                .extracting(SimulatedSubscription::id).containsExactly(deadId);

        List<String> received = new CopyOnWriteArrayList<>();
        restarted = CrashingReceiverMain.receiverContext(settings(), child.port(), NAME,
                exchange -> received.add(exchange.getMessage().getBody(WebhookEvent.class).getEntityRef()));
        restarted.start();
        PreservicaWebhookConsumer consumer = (PreservicaWebhookConsumer) restarted.getRoute(NAME).getConsumer();

        assertThat(simulator.subscriptions()).as("replaced, not duplicated").singleElement()
                .extracting(SimulatedSubscription::id).isNotEqualTo(deadId)
                .isEqualTo(consumer.getSubscriptionIds());
        assertThat(consumer.getChallengesAnswered()).as("the new subscription was challenged").isOne();
        assertThat(simulator.fire("INDEXED", "after-the-crash")).extracting(DeliveryRecord::status)
                .containsExactly(200);
        assertThat(received).containsExactly("after-the-crash");

        restarted.stop();
        assertThat(simulator.subscriptions()).as("a clean stop after a crash leaves no subscription behind").isEmpty();
    }

    @Test
    void leavesNoSubscriptionForAPortItCouldNotBindAndTheNextPortWorks() throws Exception {
        // Camel's Vert.x server only logs that it could not bind; the receiver then fails to start because the
        // challenge reaches the program holding the port, which hangs up (so no waiting for the challenge timeout)
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(WebhookTestSupport.LOOPBACK))) {
            hangUpOnEveryConnection(taken);
            assertMovesOnFromThePortHeldElsewhere(taken.getLocalPort());
        }
    }

    @Test
    void leavesNoSubscriptionForAPortHeldBySocketThatDoesNotListen() throws Exception {
        // a port held by a socket that does not listen (the local end of another program's connection, say): the
        // bind fails and nothing answers there, so the receiver starts without a subscription and keeps trying in the
        // background, as under Quarkus, where the server listens late; none is made for a URL nobody answers
        try (Socket holder = new Socket()) {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(WebhookTestSupport.LOOPBACK, FreePorts.next()));
            assertMovesOnFromThePortHeldElsewhere(holder.getLocalPort());
        }
    }

    private void assertMovesOnFromThePortHeldElsewhere(int heldPort) throws Exception {
        ReceiverJvm child = startReceiverJvm(heldPort);

        assertThat(children.get(0).output()).contains(CrashingReceiverMain.PORT_TAKEN + heldPort);
        assertThat(child.port()).isNotEqualTo(heldPort);
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::url)
                .containsExactly(receiverUrl(child.port()));
    }

    @Test
    void neverPrintsThePasswordOrTheSecretItWasGiven() throws Exception {
        ReceiverJvm child = startReceiverJvm(FreePorts.next());
        assertThat(simulator.fire("INDEXED", "one-event")).extracting(DeliveryRecord::status).containsExactly(200);
        assertThat(child.awaitLine(CrashingReceiverMain.RECEIVED, CHILD_WAIT)).contains("one-event");

        child.kill();

        assertThat(child.output()).contains(CrashingReceiverMain.READY).doesNotContain(PASSWORD)
                .doesNotContain(SECRET);
    }

    /**
     * Starts a receiver JVM on the port; if that port turned out to be taken (another process bound it between our
     * check and the child's bind), again on a port free now. Returns it once it has subscribed.
     */
    private ReceiverJvm startReceiverJvm(int port) throws Exception {
        for (int attempt = 1;; attempt++) {
            ReceiverJvm child = ReceiverJvm.start(attempt == 1 ? port : FreePorts.next(), NAME,
                    settings());
            children.add(child);
            Optional<String> subscriptionId = child.awaitLine(CrashingReceiverMain.READY, CHILD_WAIT);
            if (subscriptionId.isPresent()) {
                assertThat(simulator.subscriptions()).as("the receiver's output:%n%s", child.output())
                        .extracting(SimulatedSubscription::id).containsExactly(subscriptionId.get());
                return child;
            }
            int exitCode = child.awaitExit();
            if (exitCode != CrashingReceiverMain.PORT_TAKEN_EXIT_CODE || attempt == MAX_ATTEMPTS) {
                throw new AssertionError("The receiver JVM on port " + child.port() + " ended before it was ready"
                        + " (exit code " + exitCode + "):\n" + child.output());
            }
        }
    }

    private static void hangUpOnEveryConnection(ServerSocket server) {
        Thread holder = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    connection.setSoLinger(true, 0);
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        }, "port-holder-" + server.getLocalPort());
        holder.setDaemon(true);
        holder.start();
    }

    /** What the receivers are given: the simulator and the credentials, as environment variables for a child. */
    private Map<String, String> settings() {
        return Map.of(CrashingReceiverMain.SERVER, simulator.baseUrl(), CrashingReceiverMain.USER, USER,
                CrashingReceiverMain.PASSWORD, PASSWORD, CrashingReceiverMain.TENANT, WebhookTestSupport.TENANT,
                CrashingReceiverMain.SECRET, SECRET);
    }

    private SimulatedSubscription onlySubscription() {
        List<SimulatedSubscription> subscriptions = simulator.subscriptions();
        assertThat(subscriptions).hasSize(1);
        return subscriptions.get(0);
    }

    private static String receiverUrl(int port) {
        return "http://" + WebhookTestSupport.LOOPBACK + ":" + port + "/preservica/" + NAME;
    }
}
