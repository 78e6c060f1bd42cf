package io.github.camelpreservica.component.webhook;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The smaller guards of the receiver: nosniff on answers, the memory bodies in flight may hold, quiet logs. */
class ReceiverSafeguardsTest extends WebhookTestSupport {

    @Test
    void everyAnswerSaysNosniff() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false");
        String url = receiverUrl("hook");

        HttpResponse<String> accepted = postSigned(url, delivery("s", "ref-1"));
        HttpResponse<String> unsigned = post(url, delivery("s", "ref-2"));
        HttpResponse<String> challenge = post(url + "?challengeCode=c0ffee1234", new byte[0]);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(challenge.statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : java.util.List.of(accepted, unsigned, challenge)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void refusesWith503WhileTheBodiesInFlightHoldMaxInFlightBodyBytes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:slow?subscribe=false&maxInFlightBodyBytes=100").routeId("slow")
                        .process(exchange -> {
                            entered.countDown();
                            release.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:events");
            }
        });
        String url = receiverUrl("slow");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return postSigned(url, delivery("s", "held")).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = postSigned(url, delivery("s", "refused"));

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(consumerOf("slow").getRejectedUnavailable()).isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(200);
        // the reservation was released: the next one is accepted
        assertThat(postSigned(url, delivery("s", "after")).statusCode()).isEqualTo(200);
    }

    @Test
    void logsOneWarningForABurstOfRejectionsWhileJmxCountsEveryOne() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false");
        String url = receiverUrl("hook");
        try (CapturedWarnings warnings = CapturedWarnings.of(WebhookRequestHandler.class)) {
            for (int i = 0; i < 20; i++) {
                assertThat(post(url, delivery("s", "unsigned-" + i), "Preservica-Signature", "ab".repeat(32))
                        .statusCode()).isEqualTo(401);
            }

            assertThat(warnings.messages()).hasSize(1);
        }
        assertThat(consumerOf("hook").getRejectedBadSignature()).isEqualTo(20);
    }
}
