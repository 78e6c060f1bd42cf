package io.github.camelpreservica.component.webhook;

import java.time.Duration;
import java.util.List;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.PreservicaClientConfig;
import io.github.camelpreservica.client.PreservicaException;
import io.github.camelpreservica.client.TriggerType;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription bookkeeping against the simulator, with a receive-only route answering the challenges. */
class SubscriptionManagerTest extends WebhookTestSupport {

    private static final List<TriggerType> BOTH = List.of(TriggerType.INDEXED, TriggerType.MOVED);

    private PreservicaClient client;
    private String url;

    @BeforeEach
    void openReceiver() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false");
        url = receiverUrl("hook");
        client = new PreservicaClient(PreservicaClientConfig.builder().server(simulator.baseUrl())
                .username(USERNAME).password(PASSWORD).tenant(TENANT).readTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void subscribesEachTriggerOnceHoweverOftenItIsCalled() {
        SubscriptionManager manager = new SubscriptionManager(client, url, BOTH, SECRET, true);

        manager.ensureSubscribed();
        manager.ensureSubscribed();

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::triggerType)
                .containsExactlyInAnyOrder("FULL_TEXT_INDEXED", "MOVED");
        assertThat(manager.isComplete()).isTrue();
        assertThat(manager.subscriptionIds()).hasSize(2).isEqualTo(simulator.subscriptions().stream()
                .map(SimulatedSubscription::id).toList());
    }

    @Test
    void replacesOnlyTheSubscriptionsWithTheSameUrlAndTrigger() {
        String sameUrlOtherTrigger = simulator.addSubscription(url, "MOVED", SECRET);
        String otherUrl = simulator.addSubscription(url + "-other", "FULL_TEXT_INDEXED", SECRET);
        String older = simulator.addSubscription(url, "FULL_TEXT_INDEXED", SECRET);
        SubscriptionManager manager = new SubscriptionManager(client, url, List.of(TriggerType.INDEXED), SECRET, true);

        manager.ensureSubscribed();

        String made = manager.subscriptionIds().get(0);
        assertThat(made).isNotEqualTo(older);
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id)
                .containsExactlyInAnyOrder(sameUrlOtherTrigger, otherUrl, made);
    }

    @Test
    void replacesASubscriptionMadeWithAnOldSecretByOneWithTheCurrentSecret() {
        simulator.addSubscription(url, "FULL_TEXT_INDEXED", "the_secret_before_the_change");
        SubscriptionManager manager = new SubscriptionManager(client, url, List.of(TriggerType.INDEXED), SECRET, true);

        manager.ensureSubscribed();

        assertThat(simulator.subscriptions()).singleElement().extracting(SimulatedSubscription::secret)
                .isEqualTo(SECRET);
    }

    @Test
    void leavesTheOtherSubscriptionsAloneWhenNotReplacing() {
        String older = simulator.addSubscription(url, "FULL_TEXT_INDEXED", SECRET);
        SubscriptionManager manager = new SubscriptionManager(client, url, List.of(TriggerType.INDEXED), SECRET,
                false);

        manager.ensureSubscribed();
        manager.removeSubscriptions();

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(older);
    }

    @Test
    void removesItsOwnSubscriptionsAndNotOneMadeLaterForTheSameUrl() {
        SubscriptionManager manager = new SubscriptionManager(client, url, BOTH, SECRET, true);
        manager.ensureSubscribed();
        // a newer process on the same URL (a rolling update) replaced one of ours with its own
        SubscriptionManager newer = new SubscriptionManager(client, url, List.of(TriggerType.MOVED), SECRET, true);
        newer.ensureSubscribed();

        assertThat(manager.removeSubscriptions()).isEmpty();

        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id)
                .containsExactlyElementsOf(newer.subscriptionIds());
    }

    @Test
    void canBeCalledAgainAfterPreservicaFailed() {
        SubscriptionManager manager = new SubscriptionManager(client, url, BOTH, SECRET, true);
        simulator.failNextCalls(1, 500);

        assertThatThrownBy(manager::ensureSubscribed).isInstanceOf(PreservicaException.class);
        assertThat(manager.missingTriggers()).containsExactly(TriggerType.INDEXED, TriggerType.MOVED);

        manager.ensureSubscribed();
        assertThat(manager.isComplete()).isTrue();
        assertThat(manager.missingTriggers()).isEmpty();
    }

    @Test
    void reportsTheSubscriptionsItCouldNotRemoveInsteadOfThrowing() {
        SubscriptionManager manager = new SubscriptionManager(client, url, List.of(TriggerType.INDEXED), SECRET,
                true);
        manager.ensureSubscribed();
        String id = manager.subscriptionIds().get(0);
        simulator.failNextCalls(100, 500);

        List<String> leftBehind = manager.removeSubscriptions();

        simulator.failNextCalls(0);
        assertThat(leftBehind).containsExactly(id);
        assertThat(simulator.subscriptions()).extracting(SimulatedSubscription::id).containsExactly(id);
    }

    @Test
    void subscribesNothingMoreOnceItsSubscriptionsWereRemoved() {
        SubscriptionManager manager = new SubscriptionManager(client, url, BOTH, SECRET, true);
        simulator.failNextCalls(1, 500);
        assertThatThrownBy(manager::ensureSubscribed).isInstanceOf(PreservicaException.class);

        manager.removeSubscriptions();

        // a background retry that was already running when the route stopped
        assertThatThrownBy(manager::ensureSubscribed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void countsASubscriptionAlreadyGoneAsRemoved() {
        SubscriptionManager manager = new SubscriptionManager(client, url, List.of(TriggerType.INDEXED), SECRET,
                true);
        manager.ensureSubscribed();
        client.unsubscribe(manager.subscriptionIds().get(0));

        assertThat(manager.removeSubscriptions()).isEmpty();
    }
}
