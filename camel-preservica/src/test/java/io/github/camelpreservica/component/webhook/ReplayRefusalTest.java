package io.github.camelpreservica.component.webhook;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.github.camelpreservica.simulator.DeliveryRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correctly signed deliveries that were not meant for this endpoint now are refused with 400, counted, and make no
 * exchange: another trigger, another subscription (when the endpoint knows its own), or older than maxDeliveryAge.
 */
class ReplayRefusalTest extends WebhookTestSupport {

    private static final DateTimeFormatter PRESERVICA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @Test
    void refusesSignedDeliveryForAnotherTrigger() throws Exception {
        startRoute("moves", "preservica-webhook:moves?subscribe=false&trigger=MOVED");

        // a genuine FULL_TEXT_INDEXED delivery, captured and sent to the endpoint that receives MOVED
        int status = postSigned(receiverUrl("moves"), delivery("9495ddbf7d4a0b9f030a3411c87f967d", "ref-1"))
                .statusCode();

        assertThat(status).isEqualTo(400);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
        assertThat(consumerOf("moves").getRejectedReplays()).isEqualTo(1);
        assertThat(consumerOf("moves").getRejectedTotal()).isEqualTo(1);
    }

    @Test
    void acceptsTriggerGivenByItsWireValueOrName() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?subscribe=false&trigger=MOVED,INDEXED");

        assertThat(postSigned(receiverUrl("indexed"), delivery("any-subscription", "ref-1")).statusCode())
                .isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void refusesDeliveryForASubscriptionThisEndpointDoesNotHold() throws Exception {
        startRoute("subscribed", "preservica-webhook:subscribed?trigger=INDEXED");
        List<String> ours = consumerOf("subscribed").subscriptionIds();
        assertThat(ours).hasSize(1);

        int foreign = postSigned(receiverUrl("subscribed"), delivery("0123456789abcdef0123456789abcdef", "ref-1"))
                .statusCode();
        int own = postSigned(receiverUrl("subscribed"), delivery(ours.get(0), "ref-2")).statusCode();

        assertThat(foreign).isEqualTo(400);
        assertThat(own).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
        assertThat(consumerOf("subscribed").getRejectedReplays()).isEqualTo(1);
    }

    @Test
    void acceptsALateDeliveryOfTheOlderSubscriptionItReplaced() throws Exception {
        startRoute("restarted", "preservica-webhook:restarted?trigger=INDEXED&unsubscribeOnStop=false");
        String older = consumerOf("restarted").subscriptionIds().get(0);
        context.getRouteController().stopRoute("restarted");
        context.getRouteController().startRoute("restarted");
        String newer = consumerOf("restarted").subscriptionIds().get(0);
        assertThat(newer).isNotEqualTo(older);
        assertThat(simulator.subscriptions()).extracting(s -> s.id()).containsExactly(newer);

        // sent by Preservica for the older subscription before it was replaced, arriving now: same URL, same trigger
        int late = postSigned(receiverUrl("restarted"), delivery(older, "ref-late")).statusCode();

        assertThat(late).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void deliveriesFromPreservicaItselfAreStillAccepted() throws Exception {
        startRoute("live", "preservica-webhook:live?trigger=INDEXED&maxDeliveryAge=10m");

        List<DeliveryRecord> sent = simulator.fire("INDEXED", "live-ref");

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).status()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void receiveOnlyConsumerDoesNotKnowTheSubscriptionsSoAcceptsAny() throws Exception {
        startRoute("receiver", "preservica-webhook:receiver?subscribe=false&trigger=INDEXED");

        assertThat(postSigned(receiverUrl("receiver"), delivery("made-by-a-script", "ref-1")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesDeliveryOlderThanMaxDeliveryAge() throws Exception {
        startRoute("recent", "preservica-webhook:recent?subscribe=false&maxDeliveryAge=1h");

        // the timestamp of the helper's delivery is 2023-10-11T10:52:42.469
        int status = postSigned(receiverUrl("recent"), delivery("any", "old-ref")).statusCode();

        assertThat(status).isEqualTo(400);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
        assertThat(consumerOf("recent").getRejectedReplays()).isEqualTo(1);
    }

    @Test
    void acceptsRecentDeliveryAndOneSlightlyAheadOfOurClock() throws Exception {
        startRoute("recent", "preservica-webhook:recent?subscribe=false&maxDeliveryAge=1h");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);

        int fiftyMinutesOld = postSigned(receiverUrl("recent"), deliveryAt(now.minusMinutes(50), "a")).statusCode();
        int twoMinutesAhead = postSigned(receiverUrl("recent"), deliveryAt(now.plusMinutes(2), "b")).statusCode();
        int anHourAhead = postSigned(receiverUrl("recent"), deliveryAt(now.plusHours(1), "c")).statusCode();

        assertThat(fiftyMinutesOld).isEqualTo(200);
        assertThat(twoMinutesAhead).isEqualTo(200);
        assertThat(anHourAhead).isEqualTo(400);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void withoutMaxDeliveryAgeOldDeliveriesAreAccepted() throws Exception {
        startRoute("any-age", "preservica-webhook:any-age?subscribe=false");

        assertThat(postSigned(receiverUrl("any-age"), delivery("any", "old-ref")).statusCode()).isEqualTo(200);
    }

    private static byte[] deliveryAt(LocalDateTime time, String ref) {
        String body = new String(delivery("any", ref), StandardCharsets.UTF_8)
                .replace("2023-10-11T10:52:42.469", time.format(PRESERVICA_TIME));
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
