package io.github.camelpreservica.component.webhook;

import java.time.Duration;
import java.util.Optional;

import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A route that cannot subscribe fails to start naming the cause, or, if asked, keeps trying in the background. */
class WebhookStartFailureTest extends WebhookTestSupport {

    @Test
    void failsToStartNamingHostAndPortWhenPreservicaIsUnreachable() throws Exception {
        int closedPort = FreePorts.next();
        String server = "http://" + LOOPBACK + ":" + closedPort;

        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&server=" + server
                + "&connectTimeout=2000"))
                .hasStackTraceContaining("could not subscribe " + receiverUrl("indexed"))
                .hasStackTraceContaining(LOOPBACK + ":" + closedPort);
    }

    @Test
    void closesTheReceivingPathWhenStartFails() throws Exception {
        String server = "http://" + LOOPBACK + ":" + FreePorts.next();
        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&server=" + server
                + "&connectTimeout=2000"));

        assertThat(post(receiverUrl("indexed") + "?challengeCode=c0ffee1234", new byte[0]).statusCode())
                .isEqualTo(404);
    }

    @Test
    void failsToStartNamingTheUserWhenTheLoginIsRefused() {
        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED"
                + "&password=RAW(not-the-password)"))
                .hasStackTraceContaining("'" + USERNAME + "'")
                .hasStackTraceContaining("401")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("not-the-password"));
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void failsToStartWithoutASecretNamingTheOptionAndTheVariable() {
        context.getComponent("preservica-webhook", PreservicaWebhookComponent.class).getConfiguration()
                .setSecret(null);

        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED"))
                .hasStackTraceContaining("option 'secret'")
                .hasStackTraceContaining("PRESERVICA_WEBHOOK_SECRET");
        assertThat(simulator.loginCount()).isZero();
    }

    @Test
    void failsToStartOnAnUnknownTriggerListingTheValidOnes() {
        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED,REINDEXED"))
                .hasStackTraceContaining("REINDEXED")
                .hasStackTraceContaining("CHANGE_ASSET_VISIBILITY");
        assertThat(simulator.loginCount()).isZero();
    }

    @Test
    void failsToStartOnAPathAnotherEndpointAlreadyReceivesOn() throws Exception {
        startRoute("first", "preservica-webhook:first?subscribe=false&webhookPath=/preservica/shared");

        assertThatThrownBy(() -> startRoute("second", "preservica-webhook:second?subscribe=false"
                + "&webhookPath=/preservica/shared"))
                .hasStackTraceContaining("preservica-webhook:second cannot receive on path /preservica/shared")
                .hasStackTraceContaining("webhookPath");
        // the first one still receives
        assertThat(consumerOf("first").getWebhookPath()).isEqualTo("/preservica/shared");
    }

    @Test
    void failsToStartWithoutATriggerWhenSubscribing() {
        assertThatThrownBy(() -> startRoute("indexed", "preservica-webhook:indexed"))
                .hasStackTraceContaining("No Preservica trigger");
    }

    @Test
    void retriesInTheBackgroundReadyAllAlongWithTheFailureInTheDetails() throws Exception {
        simulator.failNextCalls(1000, 500);

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&retrySubscribeInBackground=true"
                + "&subscribeRetryDelay=100&subscribeRetryMaxDelay=400");

        PreservicaWebhookConsumer consumer = consumerOf("indexed");
        assertThat(consumer.isSubscribed()).isFalse();
        assertThat(consumer.getSubscriptionState()).isEqualTo("FAILED");
        // ready: it can answer a challenge, and a Kubernetes Service sends one only to a ready pod
        assertThat(readiness("indexed")).hasValueSatisfying(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("subscription.state", "FAILED");
            assertThat(result.getDetails().get("subscription.lastError")).asString().contains("INDEXED");
        });
        // deliveries are received meanwhile
        assertThat(postSigned(receiverUrl("indexed"), delivery("9495ddbf7d4a0b9f030a3411c87f967d", "early"))
                .statusCode()).isEqualTo(200);

        simulator.failNextCalls(0);

        await().atMost(Duration.ofSeconds(30)).until(consumer::isSubscribed);
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::url)
                .containsExactly(receiverUrl("indexed"));
        assertThat(readiness("indexed")).hasValueSatisfying(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("subscription.state", "SUBSCRIBED")
                    .doesNotContainKey("subscription.lastError");
        });
    }

    @Test
    void isReadyAndSubscribedOnceStarted() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        assertThat(readiness("indexed")).hasValueSatisfying(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("subscription.state", "SUBSCRIBED");
            assertThat(result.getDetails()).containsEntry("subscription.ids", simulator.subscriptions().get(0).id());
        });
    }

    private Optional<HealthCheck.Result> readiness(String routeId) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId))
                .findFirst();
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
