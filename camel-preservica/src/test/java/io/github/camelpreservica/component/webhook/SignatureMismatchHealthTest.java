package io.github.camelpreservica.component.webhook;

import java.util.Map;

import io.github.camelpreservica.component.health.PreservicaWebhookHealthCheck;
import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.simulator.DeliveryRecord;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries signed with another secret than the consumer's show in the health details and JMX, without taking the
 * receiver out of readiness (anyone who reaches it can send badly signed requests); a genuine delivery clears them.
 */
class SignatureMismatchHealthTest extends WebhookTestSupport {

    private final WebhookSignatures otherSecret = new WebhookSignatures("the_secret_preservica_has_instead");

    @Test
    void warnsInTheHealthDetailsAfterARunOfSignatureMismatches() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        postWithTheOtherSecret(PreservicaWebhookHealthCheck.SIGNATURE_MISMATCH_WARNING_THRESHOLD);

        assertThat(consumerOf("indexed").getConsecutiveSignatureMismatches())
                .isEqualTo(PreservicaWebhookHealthCheck.SIGNATURE_MISMATCH_WARNING_THRESHOLD);
        HealthCheck.Result result = readiness("indexed");
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("deliveries.warning",
                "deliveries are failing their signature check: is the secret the one Preservica has?");
    }

    @Test
    void saysNothingAfterFewerMismatchesThanTheThreshold() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        postWithTheOtherSecret(PreservicaWebhookHealthCheck.SIGNATURE_MISMATCH_WARNING_THRESHOLD - 1);

        assertThat(readiness("indexed").getDetails()).doesNotContainKey("deliveries.warning");
    }

    @Test
    void aCorrectlySignedDeliveryEndsTheRun() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        postWithTheOtherSecret(PreservicaWebhookHealthCheck.SIGNATURE_MISMATCH_WARNING_THRESHOLD + 2);

        assertThat(simulator.fire("INDEXED", "genuine")).extracting(DeliveryRecord::status).containsExactly(200);

        assertThat(consumerOf("indexed").getConsecutiveSignatureMismatches()).isZero();
        Map<String, Object> details = readiness("indexed").getDetails();
        assertThat(details).doesNotContainKey("deliveries.warning")
                .containsEntry("deliveries.signatureMismatchesInARow", 0L);
    }

    private void postWithTheOtherSecret(int times) throws Exception {
        for (int i = 0; i < times; i++) {
            byte[] body = delivery("9495ddbf7d4a0b9f030a3411c87f967d", "forged-" + i);
            assertThat(post(receiverUrl("indexed"), body, WebhookSignatures.SIGNATURE_HEADER, otherSecret.sign(body),
                    "Content-Type", "application/json").statusCode()).isEqualTo(401);
        }
    }

    private HealthCheck.Result readiness(String routeId) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow();
    }
}
