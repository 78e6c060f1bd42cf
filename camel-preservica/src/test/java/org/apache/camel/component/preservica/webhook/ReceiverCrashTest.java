package org.apache.camel.component.preservica.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver JVM killed outright (no stop, no unsubscribe), then the same route started again on the same URL: the
 * subscription the dead JVM made is adopted, not duplicated.
 */
class ReceiverCrashTest extends WebhookTestSupport {

    private Process receiver;

    @AfterEach
    void killReceiver() {
        if (receiver != null) {
            receiver.destroyForcibly();
        }
    }

    @Test
    void adoptsTheSubscriptionOfAKilledReceiverInsteadOfDuplicatingIt() throws Exception {
        int port = freePort();
        String deadId = startReceiverInAnotherJvm(port, "indexed");
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(deadId);

        receiver.destroyForcibly();
        assertThat(receiver.waitFor(30, TimeUnit.SECONDS)).as("the receiver JVM died").isTrue();
        assertThat(simulator.subscriptions()).as("a killed JVM removes nothing")
                .extracting(SimulatedSubscription::id).containsExactly(deadId);

        CamelContext restarted = CrashingReceiverMain.receiverContext(simulator.baseUrl(), port, "indexed");
        try {
            restarted.start();

            assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(deadId);
            assertThat(((PreservicaWebhookConsumer) restarted.getRoute("indexed").getConsumer()).getSubscriptionIds())
                    .isEqualTo(deadId);
            assertThat(simulator.fire("INDEXED", "after-the-crash")).extracting(DeliveryRecord::status)
                    .containsExactly(200);
            assertThat(restarted.getEndpoint("mock:events", MockEndpoint.class).getReceivedCounter()).isEqualTo(1);
        } finally {
            restarted.stop();
        }
        assertThat(simulator.subscriptions()).as("an adopted subscription stays on stop")
                .extracting(SimulatedSubscription::id).containsExactly(deadId);
    }

    /** Starts {@link CrashingReceiverMain} on the port; returns the subscription id it made. */
    private String startReceiverInAnotherJvm(int port, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        receiver = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingReceiverMain.class.getName(), simulator.baseUrl(), Integer.toString(port), name)
                .redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        // reads the child's output to the end, so it never blocks on a full pipe
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!ready.isDone()) {
                        output.append(line).append('\n');
                    }
                    int at = line.indexOf(CrashingReceiverMain.READY);
                    if (at >= 0) {
                        ready.complete(line.substring(at + CrashingReceiverMain.READY.length()).trim());
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the receiver JVM ended before it was ready:\n" + output));
        }, "receiver-output");
        reader.setDaemon(true);
        reader.start();
        return ready.get(60, TimeUnit.SECONDS);
    }
}
