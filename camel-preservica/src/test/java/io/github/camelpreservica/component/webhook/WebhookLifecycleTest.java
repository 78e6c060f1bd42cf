package io.github.camelpreservica.component.webhook;

import java.util.List;

import io.github.camelpreservica.delivery.WebhookDelivery;
import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.FireRequest;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Full lifecycle against the simulator: subscribe with the challenge, receive, unsubscribe on stop. */
class WebhookLifecycleTest extends WebhookTestSupport {

    @Test
    void subscribesOnStartAnsweringTheChallenge() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        List<SimulatedSubscription> subscriptions = simulator.subscriptions();
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).url()).isEqualTo(receiverUrl("indexed"));
        assertThat(subscriptions.get(0).triggerType()).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(consumerOf("indexed").getSubscriptionIds()).isEqualTo(subscriptions.get(0).id());
        assertThat(consumerOf("indexed").getChallengesAnswered()).isEqualTo(1);
    }

    @Test
    void routesEachEventWithItsHeadersAndAnswers200() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        List<DeliveryRecord> sent = simulator.fire("INDEXED", "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");

        assertThat(sent).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
        events.assertIsSatisfied();
        Message message = events.getReceivedExchanges().get(0).getMessage();
        WebhookEvent event = message.getBody(WebhookEvent.class);
        assertThat(event.getEntityRef()).isEqualTo("7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");
        assertThat(event.getEntityType()).isEqualTo("IO");
        String subscriptionId = simulator.subscriptions().get(0).id();
        assertThat(message.getHeader(PreservicaWebhookConstants.SUBSCRIPTION_ID)).isEqualTo(subscriptionId);
        assertThat(message.getHeader(PreservicaWebhookConstants.TRIGGER)).isEqualTo("FULL_TEXT_INDEXED");
        assertThat(message.getHeader(PreservicaWebhookConstants.EVENT_TYPE)).isEqualTo(event.getEvent());
        assertThat(message.getHeader(PreservicaWebhookConstants.ENTITY_TYPE)).isEqualTo("IO");
        assertThat(message.getHeader(PreservicaWebhookConstants.ENTITY_REF))
                .isEqualTo("7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2");
        assertThat(message.getHeader(PreservicaWebhookConstants.TENANT)).isEqualTo(TENANT);
        assertThat(message.getHeader(PreservicaWebhookConstants.TIMESTAMP, String.class)).isNotBlank();
        assertThat(message.getHeader(PreservicaWebhookConstants.EVENT_INDEX)).isEqualTo(0);
        assertThat(message.getHeader(PreservicaWebhookConstants.RAW_DELIVERY, byte[].class))
                .isEqualTo(sent.get(0).body());
        assertThat(consumerOf("indexed").getDeliveriesAccepted()).isEqualTo(1);
    }

    @Test
    void unsubscribesWhatItCreatedOnStop() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        assertThat(simulator.subscriptions()).hasSize(1);

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void keepsItsSubscriptionOnStopWhenUnsubscribeOnStopIsFalse() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&unsubscribeOnStop=false");

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::url)
                .isEqualTo(receiverUrl("indexed"));
    }

    @Test
    void replacesTheSubscriptionACrashLeftBehindInsteadOfCreatingADuplicate() throws Exception {
        String leftBehind = simulator.addSubscription(receiverUrl("indexed"), "FULL_TEXT_INDEXED", SECRET);

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::id)
                .isNotEqualTo(leftBehind).isEqualTo(consumerOf("indexed").getSubscriptionIds());
        getMockEndpoint("mock:events").expectedMessageCount(1);
        assertThat(simulator.fire("INDEXED", "ref-1")).extracting(DeliveryRecord::status).containsExactly(200);
        getMockEndpoint("mock:events").assertIsSatisfied();
    }

    @Test
    void leavesNoSubscriptionOnStopAfterReplacingOneACrashLeftBehind() throws Exception {
        simulator.addSubscription(receiverUrl("indexed"), "FULL_TEXT_INDEXED", SECRET);
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        context.getRouteController().stopRoute("indexed");

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void deliversAgainAfterARestartWithAChangedSecret() throws Exception {
        // the subscription of the run before, made when the secret was another one
        simulator.addSubscription(receiverUrl("indexed"), "FULL_TEXT_INDEXED", "the_secret_before_the_change");

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        getMockEndpoint("mock:events").expectedMessageCount(1);
        assertThat(simulator.fire("INDEXED", "ref-1")).extracting(DeliveryRecord::status).containsExactly(200);
        getMockEndpoint("mock:events").assertIsSatisfied();
        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::secret)
                .isEqualTo(SECRET);
        assertThat(consumerOf("indexed").getConsecutiveSignatureMismatches()).isZero();
    }

    @Test
    void restartedWithAChangedSecretLeavesOneSubscriptionThatDelivers() throws Exception {
        // the run before: another secret, and its subscription kept on stop (as after a crash)
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&unsubscribeOnStop=false"
                + "&secret=RAW(the_secret_before_the_change)");
        context.getRouteController().stopRoute("indexed");
        context.removeRoute("indexed");

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        getMockEndpoint("mock:events").expectedMessageCount(1);
        assertThat(simulator.fire("INDEXED", "after-the-change")).extracting(DeliveryRecord::status)
                .containsExactly(200);
        getMockEndpoint("mock:events").assertIsSatisfied();
        assertThat(simulator.subscriptions()).singleElement()
                .extracting(SimulatedSubscription::id).isEqualTo(consumerOf("indexed").getSubscriptionIds());
    }

    @Test
    void createsASecondSubscriptionWhenReuseIsDisabled() throws Exception {
        String leftBehind = simulator.addSubscription(receiverUrl("indexed"), "FULL_TEXT_INDEXED", SECRET);

        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED&reuseExistingSubscription=false");

        assertThat(simulator.subscriptions()).hasSize(2).extracting(SimulatedSubscription::id).contains(leftBehind);
    }

    @Test
    void subscribesOncePerTriggerOfOneEndpoint() throws Exception {
        startRoute("several", "preservica-webhook:several?trigger=INDEXED,MOVED");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::triggerType)
                .containsExactlyInAnyOrder("FULL_TEXT_INDEXED", "MOVED");
        assertThat(simulator.fire("INDEXED", "ref-indexed")).extracting(DeliveryRecord::status).containsExactly(200);
        assertThat(simulator.fire("MOVED", "ref-moved")).extracting(DeliveryRecord::status).containsExactly(200);

        events.assertIsSatisfied();
        assertThat(events.getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(PreservicaWebhookConstants.TRIGGER))
                .containsExactly("FULL_TEXT_INDEXED", "MOVED");
        context.getRouteController().stopRoute("several");
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void receiveOnlyModeSubscribesNothingAndStillReceives() throws Exception {
        startRoute("elsewhere", "preservica-webhook:elsewhere?subscribe=false");
        assertThat(simulator.subscriptions()).isEmpty();
        simulator.addSubscription(receiverUrl("elsewhere"), "FULL_TEXT_INDEXED", SECRET);
        getMockEndpoint("mock:events").expectedMessageCount(1);

        assertThat(simulator.fire("INDEXED", "ref-1")).extracting(DeliveryRecord::status).containsExactly(200);

        getMockEndpoint("mock:events").assertIsSatisfied();
        context.getRouteController().stopRoute("elsewhere");
        assertThat(simulator.subscriptions()).hasSize(1);
    }

    @Test
    void splitsADeliveryIntoOneExchangePerEvent() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(3);

        simulator.fire(FireRequest.trigger("INDEXED").event("IO", "a").event("SO", "b").event("IO", "c").build());

        events.assertIsSatisfied();
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(WebhookEvent.class))
                .extracting(WebhookEvent::getEntityRef).containsExactly("a", "b", "c");
        assertThat(events.getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(PreservicaWebhookConstants.EVENT_INDEX))
                .containsExactly(0, 1, 2);
    }

    @Test
    void givesTheWholeDeliveryAsOneExchangeWhenSplitEventsIsFalse() throws Exception {
        startRoute("whole", "preservica-webhook:whole?trigger=INDEXED&splitEvents=false");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        simulator.fire(FireRequest.trigger("INDEXED").event("IO", "a").event("SO", "b").build());

        events.assertIsSatisfied();
        WebhookDelivery delivery = events.getReceivedExchanges().get(0).getMessage().getBody(WebhookDelivery.class);
        assertThat(delivery.getEvents()).extracting(WebhookEvent::getEntityRef).containsExactly("a", "b");
        assertThat(events.getReceivedExchanges().get(0).getMessage()
                .getHeader(PreservicaWebhookConstants.EVENT_COUNT)).isEqualTo(2);
    }

    @Test
    void simpleLanguageReadsTheEntityRefFromTheBody() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:indexed?trigger=INDEXED").routeId("indexed")
                        .setHeader("ref", simple("${body.entityRef}"))
                        .setHeader("refFromHeader", simple("${header.CamelPreservicaEntityRef}"))
                        .to("mock:events");
            }
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedHeaderReceived("ref", "ref-42");
        events.expectedHeaderReceived("refFromHeader", "ref-42");

        simulator.fire("INDEXED", "ref-42");

        events.assertIsSatisfied();
    }

    @Test
    void answers500WhenTheRouteFailsAndProcessesTheRedeliveryAgain() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:indexed?trigger=INDEXED").routeId("indexed")
                        .to("mock:events")
                        .process(exchange -> {
                            if (getMockEndpoint("mock:events").getReceivedCounter() == 1) {
                                throw new IllegalStateException("downstream is down");
                            }
                        });
            }
        });

        DeliveryRecord first = simulator.fire("INDEXED", "ref-1").get(0);
        DeliveryRecord again = simulator.redeliver(first);

        assertThat(first.status()).isEqualTo(500);
        assertThat(again.status()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(2);
        assertThat(consumerOf("indexed").getDeliveriesFailed()).isEqualTo(1);
        assertThat(consumerOf("indexed").getDeliveriesAccepted()).isEqualTo(1);
    }

    @Test
    void acknowledgesAnExactRedeliveryWithoutASecondExchange() throws Exception {
        startRoute("indexed", "preservica-webhook:indexed?trigger=INDEXED");

        DeliveryRecord first = simulator.fire("INDEXED", "ref-1").get(0);
        DeliveryRecord again = simulator.redeliver(first);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
        assertThat(consumerOf("indexed").getDuplicates()).isEqualTo(1);
    }

    @Test
    void answersChallengesOfEveryRouteOnItsOwnPath() throws Exception {
        startRoute("first", "preservica-webhook:first?trigger=INDEXED");
        startRoute("second", "preservica-webhook:second?trigger=INDEXED&webhookPath=/hooks/second");

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::url)
                .containsExactlyInAnyOrder(receiverUrl("first"), "http://" + LOOPBACK + ":" + httpPort
                        + "/hooks/second");
        getMockEndpoint("mock:events").expectedMessageCount(2);
        assertThat(simulator.fire("INDEXED", "ref-1")).extracting(DeliveryRecord::status).containsExactly(200, 200);
        getMockEndpoint("mock:events").assertIsSatisfied();
        assertThat(getMockEndpoint("mock:events").getReceivedExchanges()).extracting(Exchange::getFromRouteId)
                .containsExactlyInAnyOrder("first", "second");
    }
}
