package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.testing.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Vert.x the body is collected on the event loop before platform-http hands the request to a worker thread, so a
 * body still arriving holds no thread: the route's thread only ever sees complete bodies.
 */
class BodyReadAheadTest extends WebhookTestSupport {

    // more than the 20 worker threads of Vert.x's default pool: were each slow body to hold one, nothing would be left
    private static final int SLOW_SENDERS = 40;

    @Test
    void answersADeliveryWhileMoreBodiesThanWorkerThreadsAreStillArriving() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false");
        List<Socket> slowSenders = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                slowSenders.add(startSlowDelivery());
            }
            // let the server see every head; were a worker thread waiting on each body, the pool would now be taken
            Thread.sleep(1_000);

            HttpResponse<String> answer = postSigned(receiverUrl("hook"),
                    delivery("9495ddbf7d4a0b9f030a3411c87f967d", "arrives-complete"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
            // the slow bodies are answered 408 only after RequestBodyReader.BODY_READ_TIMEOUT_MILLIS; the
            // delivery did not wait for that
            for (Socket slow : slowSenders) {
                assertThat(slow.getInputStream().available()).as("a slow sender already answered").isZero();
            }
            assertThat(consumerOf("hook").getInFlight()).as("no worker thread waits on a body").isZero();
        } finally {
            for (Socket slow : slowSenders) {
                slow.close();
            }
        }
    }

    @Test
    void answersLowerCasePostsAt405WithoutWaitingForTheirBodies() throws Exception {
        startRoute("hook", "preservica-webhook:hook?subscribe=false");
        List<Socket> slowSenders = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                slowSenders.add(startSlowDelivery("post"));
            }
            Thread.sleep(1_000);

            long started = System.nanoTime();
            HttpResponse<String> answer = postSigned(receiverUrl("hook"),
                    delivery("9495ddbf7d4a0b9f030a3411c87f967d", "not-kept-waiting"));

            assertThat(answer.statusCode()).isEqualTo(200);
            // were a lower-case post's body read on a worker thread, the delivery would wait for the 10 s body timeout
            assertThat(System.nanoTime() - started).as("nanoseconds the delivery took")
                    .isLessThan(5_000_000_000L);
            for (Socket slow : slowSenders) {
                slow.setSoTimeout(10_000);
                assertThat(new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 405");
            }
        } finally {
            for (Socket slow : slowSenders) {
                slow.close();
            }
        }
    }

    private Socket startSlowDelivery() throws IOException {
        return startSlowDelivery("POST");
    }

    private Socket startSlowDelivery(String method) throws IOException {
        Socket socket = new Socket(LOOPBACK, httpPort);
        socket.getOutputStream().write(RawHttp.ascii(slowHead(method) + "{\"half"));
        socket.getOutputStream().flush();
        return socket;
    }

    private String slowHead(String method) {
        return method + " /preservica/hook HTTP/1.1\r\nHost: " + LOOPBACK + ":" + httpPort + "\r\nContent-Type: "
                + "application/json\r\n" + WebhookSignatures.SIGNATURE_HEADER + ": 00\r\nContent-Length: 100\r\n\r\n";
    }
}
