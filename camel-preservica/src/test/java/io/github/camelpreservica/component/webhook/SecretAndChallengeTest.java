package io.github.camelpreservica.component.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A secret short enough to brute-force from challenge answers is refused at start; a short one is warned about
 * without being logged; with challengeOnlyWhileSubscribing, challenges are answered only during our own subscribe.
 */
class SecretAndChallengeTest extends WebhookTestSupport {

    @Test
    void refusesToStartWithASecretOfFifteenCharactersNamingTheOptionAndHowToMakeOne() {
        String weak = "fifteen-chars-x";

        assertThatThrownBy(() -> startRoute("weak", "preservica-webhook:weak?subscribe=false&secret=RAW(" + weak + ")"))
                .hasStackTraceContaining("option 'secret'")
                .hasStackTraceContaining("at least 16")
                .hasStackTraceContaining("openssl rand -hex 32")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(weak));
    }

    @Test
    void producerRefusesToSubscribeWithAWeakSecret() throws Exception {
        assertThatThrownBy(() -> template.requestBodyAndHeader(
                "preservica-webhook:p?operation=subscribe&trigger=INDEXED"
                        + "&webhookExternalUrl=http://127.0.0.1:1/x",
                null,
                PreservicaWebhookConstants.SECRET, "short"))
                .hasStackTraceContaining("option 'secret'");
        assertThat(simulator.subscriptions()).isEmpty();
    }

    @Test
    void warnsWithoutTheSecretWhenItIsShorterThanThirtyTwoCharacters() throws Exception {
        String shortish = "twenty-characters-xy";
        try (CapturedWarnings warnings = CapturedWarnings.of(SecretStrength.class)) {
            startRoute("shortish", "preservica-webhook:shortish?subscribe=false&secret=RAW(" + shortish + ")");

            assertThat(warnings.messages()).singleElement().satisfies(message -> assertThat(message)
                    .contains("option 'secret'").contains("32").doesNotContain(shortish));
        }
    }

    @Test
    void answersChallengesAtAnyTimeByDefault() throws Exception {
        startRoute("open", "preservica-webhook:open?subscribe=false");

        assertThat(post(receiverUrl("open") + "?challengeCode=c0ffee1234", new byte[0]).statusCode()).isEqualTo(200);
    }

    @Test
    void answersChallengeOfItsOwnSubscribeCallButNoneAfterwards() throws Exception {
        startRoute("guarded", "preservica-webhook:guarded?trigger=INDEXED&challengeOnlyWhileSubscribing=true");
        // the simulator challenged the URL during the subscribe call: the start succeeding proves it was answered
        assertThat(simulator.subscriptions()).hasSize(1);
        assertThat(consumerOf("guarded").getChallengesAnswered()).isEqualTo(1);

        int later = post(receiverUrl("guarded") + "?challengeCode=c0ffee1234", new byte[0]).statusCode();

        assertThat(later).isEqualTo(403);
        assertThat(consumerOf("guarded").getRejectedChallengesOutsideSubscribe()).isEqualTo(1);
    }

    @Test
    void receiveOnlyConsumerRefusesEveryChallengeWhenGuarded() throws Exception {
        startRoute("guarded", "preservica-webhook:guarded?subscribe=false&challengeOnlyWhileSubscribing=true");

        assertThat(post(receiverUrl("guarded") + "?challengeCode=c0ffee1234", new byte[0]).statusCode())
                .isEqualTo(403);
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
