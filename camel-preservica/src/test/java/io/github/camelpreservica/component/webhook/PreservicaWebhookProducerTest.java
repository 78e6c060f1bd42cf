package io.github.camelpreservica.component.webhook;

import java.util.List;
import java.util.Map;

import io.github.camelpreservica.client.PreservicaChallengeFailedException;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.client.Subscription;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The subscription operations of the preservica-webhook producer against the simulator. Subscribing needs a live
 * receiver to answer Preservica's challenge: a preservica-webhook consumer with subscribe=false on the same server.
 */
class PreservicaWebhookProducerTest extends WebhookTestSupport {

    private static final String ADMIN = "preservica-webhook:admin";
    private static final String UNKNOWN_ID = "0123456789abcdef0123456789abcdef";
    private static final String ASSET_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unsubscribeOnException")
                        .onException(PreservicaNotFoundException.class).handled(true)
                        .setBody(simple("no such subscription (${exception.statusCode})"))
                        .end()
                        .to(ADMIN + "?operation=unsubscribe");
                from("direct:subscriptionsAsJson").to(ADMIN + "?operation=subscriptions").marshal().json();
                from("direct:unsubscribeDoTry")
                        .doTry()
                        .to(ADMIN + "?operation=unsubscribe")
                        .doCatch(PreservicaNotFoundException.class)
                        .setBody(constant("caught"))
                        .end();
            }
        };
    }

    @Test
    void subscriptionsReturnsTheTypedList() {
        String first = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);
        String second = simulator.addSubscription("http://127.0.0.1:9/b", "MOVED", SECRET);

        List<Subscription> subscriptions = subscriptions();

        assertThat(subscriptions).extracting(Subscription::id).containsExactlyInAnyOrder(first, second);
        Subscription indexed = subscriptions.stream().filter(s -> s.id().equals(first)).findFirst().orElseThrow();
        assertThat(indexed.url()).isEqualTo("http://127.0.0.1:9/a");
        assertThat(indexed.triggerType()).isEqualTo("FULL_TEXT_INDEXED");
    }

    @Test
    void subscriptionsConvertToJson() {
        String id = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);
        Subscription subscription = subscriptions().get(0);

        String json = context.getTypeConverter().convertTo(String.class, subscription);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().convertTo(Map.class, subscription);

        assertThat(json).contains("\"id\":\"" + id + "\"").contains("\"url\":\"http://127.0.0.1:9/a\"")
                .contains("\"triggerType\":\"FULL_TEXT_INDEXED\"");
        assertThat(map).containsEntry("id", id).containsEntry("triggerType", "FULL_TEXT_INDEXED");
    }

    @Test
    void subscriptionsListMarshalsToJson() {
        String id = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);

        String json = template.requestBody("direct:subscriptionsAsJson", null, String.class);

        assertThat(json).startsWith("[{").contains("\"id\":\"" + id + "\"")
                .contains("\"triggerType\":\"FULL_TEXT_INDEXED\"");
    }

    @Test
    void subscribeCreatesASubscriptionWhoseDeliveriesReachTheReceiver() throws Exception {
        startRoute("receiver", "preservica-webhook:receiver?subscribe=false");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        Subscription created = template.requestBody(ADMIN + "?operation=subscribe&trigger=INDEXED&webhookExternalUrl="
                + receiverUrl("receiver"), null, Subscription.class);

        assertThat(simulator.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(created.id());
            assertThat(s.url()).isEqualTo(receiverUrl("receiver"));
            assertThat(s.triggerType()).isEqualTo("FULL_TEXT_INDEXED");
        });
        assertThat(consumerOf("receiver").getChallengesAnswered()).isEqualTo(1);
        // the delivery is signed with the secret the producer registered, so the receiver accepts it
        simulator.fire("INDEXED", ASSET_REF);
        events.assertIsSatisfied();
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(PreservicaWebhookConstants.ENTITY_REF))
                .isEqualTo(ASSET_REF);
    }

    @Test
    void subscribeTakesUrlTriggerAndSecretFromHeaders() throws Exception {
        startRoute("receiver", "preservica-webhook:receiver?subscribe=false");

        var exchange = template.request(ADMIN + "?operation=subscribe", e -> e.getMessage().setHeaders(Map.of(
                PreservicaWebhookConstants.WEBHOOK_URL, receiverUrl("receiver"),
                PreservicaWebhookConstants.TRIGGER, "MOVED",
                PreservicaWebhookConstants.SECRET, SECRET)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Subscription.class).triggerType()).isEqualTo("MOVED");
        assertThat(exchange.getMessage().getHeader(PreservicaWebhookConstants.SECRET)).isNull();
        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::triggerType)
                .isEqualTo("MOVED");
    }

    @Test
    void subscribeToAUrlWithNoReceiverRaisesChallengeFailed() {
        assertThatThrownBy(() -> template.requestBody(ADMIN + "?operation=subscribe&trigger=INDEXED&webhookExternalUrl="
                + receiverUrl("nobody-listens"), (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(PreservicaChallengeFailedException.class)
                .hasMessageNotContaining(SECRET);
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void subscribeWithoutUrlFailsNamingTheOptionAndTheHeader() {
        assertThatThrownBy(() -> template.requestBody(ADMIN + "?operation=subscribe&trigger=INDEXED", (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhookExternalUrl")
                .hasMessageContaining(PreservicaWebhookConstants.WEBHOOK_URL);
    }

    @Test
    void subscribeToATriggerListFailsAskingForOneTrigger() {
        assertThatThrownBy(() -> template.requestBody(ADMIN + "?operation=subscribe&trigger=INDEXED,MOVED"
                + "&webhookExternalUrl=" + receiverUrl("receiver"), (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'INDEXED,MOVED'").hasMessageContaining("one trigger");
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void unknownTriggerFailsListingTheValidOnes() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(ADMIN + "?operation=subscribe&webhookExternalUrl="
                + receiverUrl("receiver"), null,
                PreservicaWebhookConstants.TRIGGER, "DELETED"))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'DELETED'").hasMessageContaining("INDEXED (FULL_TEXT_INDEXED)");
    }

    @Test
    void unsubscribeRemovesTheSubscriptionNamedByTheOption() {
        String kept = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);
        String removed = simulator.addSubscription("http://127.0.0.1:9/b", "INDEXED", SECRET);

        Object body = template.requestBody(ADMIN + "?operation=unsubscribe&subscriptionId=" + removed, (Object) null);

        assertThat(body).isEqualTo(removed);
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(kept);
    }

    @Test
    void unsubscribeRemovesTheSubscriptionNamedByTheHeader() {
        String id = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);

        template.requestBodyAndHeader(ADMIN + "?operation=unsubscribe&subscriptionId=" + UNKNOWN_ID, null,
                PreservicaWebhookConstants.SUBSCRIPTION_ID, id);

        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void unsubscribeOfAnUnknownIdRaisesNotFound() {
        assertThatThrownBy(() -> template.requestBody(ADMIN + "?operation=unsubscribe&subscriptionId=" + UNKNOWN_ID,
                (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(PreservicaNotFoundException.class).hasMessageContaining(UNKNOWN_ID);
    }

    @Test
    void unknownIdIsCaughtByOnException() {
        String body = template.requestBodyAndHeader("direct:unsubscribeOnException", null,
                PreservicaWebhookConstants.SUBSCRIPTION_ID, UNKNOWN_ID, String.class);

        assertThat(body).isEqualTo("no such subscription (404)");
    }

    @Test
    void unknownIdIsCaughtByDoTry() {
        String body = template.requestBodyAndHeader("direct:unsubscribeDoTry", null,
                PreservicaWebhookConstants.SUBSCRIPTION_ID, UNKNOWN_ID, String.class);

        assertThat(body).isEqualTo("caught");
    }

    @Test
    void unsubscribeAllReturnsTheRemovedIds() {
        String first = simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);
        String second = simulator.addSubscription("http://127.0.0.1:9/b", "MOVED", SECRET);

        @SuppressWarnings("unchecked")
        List<String> removed = template.requestBody(ADMIN + "?operation=unsubscribeAll", null, List.class);

        assertThat(removed).containsExactlyInAnyOrder(first, second);
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void operationHeaderOverridesTheOption() {
        simulator.addSubscription("http://127.0.0.1:9/a", "INDEXED", SECRET);

        Object body = template.requestBodyAndHeader(ADMIN + "?operation=unsubscribeAll", null,
                PreservicaWebhookConstants.OPERATION, "subscriptions");

        assertThat(body).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
        assertThat(simulator.subscriptions()).hasSize(1);
    }

    @Test
    void unknownOperationFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint(ADMIN + "?operation=list"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown operation 'list' for preservica-webhook: valid operations are subscriptions, "
                        + "subscribe, unsubscribe, unsubscribeAll");
    }

    @Test
    void missingOperationFailsNamingTheOptionAndTheHeader() {
        assertThatThrownBy(() -> template.requestBody(ADMIN, (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'operation'").hasMessageContaining(PreservicaWebhookConstants.OPERATION);
    }

    @SuppressWarnings("unchecked")
    private List<Subscription> subscriptions() {
        return template.requestBody(ADMIN + "?operation=subscriptions", null, List.class);
    }
}
