package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal webhook receiver for the tests: answers challenges with its own secret (which the test may make
 * wrong) and records every delivery as it arrived on the wire.
 */
final class TestReceiver implements AutoCloseable {

    /** A request as the receiver saw it. */
    record Received(String query, String transferEncoding, String contentLength, String contentType,
                    String signature, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> challenges = new CopyOnWriteArrayList<>();
    private final List<Received> deliveries = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile int deliveryStatus = 200;
    private volatile long challengeDelayMillis;
    private volatile int challengeStatus = 200;
    private volatile String challengeContentType = "application/json";
    private volatile String fixedChallengeAnswer;

    TestReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answerChallengesWith(String secret) {
        this.secret = secret;
    }

    void answerDeliveriesWith(int status) {
        this.deliveryStatus = status;
    }

    /** Answers every challenge with exactly this status, content type and body instead of the right answer. */
    void answerChallengesVerbatim(int status, String contentType, String body) {
        this.challengeStatus = status;
        this.challengeContentType = contentType;
        this.fixedChallengeAnswer = body;
    }

    void delayChallengeAnswers(long millis) {
        this.challengeDelayMillis = millis;
    }

    List<Received> challenges() {
        return challenges;
    }

    List<Received> deliveries() {
        return deliveries;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Received received = new Received(rawQuery, exchange.getRequestHeaders().getFirst("Transfer-Encoding"),
                exchange.getRequestHeaders().getFirst("Content-Length"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Preservica-Signature"), body);
        String code = challengeCode(rawQuery);
        try {
            if (code != null) {
                challenges.add(received);
                if (challengeDelayMillis > 0) {
                    Thread.sleep(challengeDelayMillis);
                }
                String answer = fixedChallengeAnswer != null
                        ? fixedChallengeAnswer
                        : HttpExchanges.JSON.createObjectNode().put("challengeCode", code)
                                .put("challengeResponse", WebhookSigning.challengeResponse(secret, code)).toString();
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", challengeContentType);
                exchange.sendResponseHeaders(challengeStatus, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } else {
                deliveries.add(received);
                exchange.sendResponseHeaders(deliveryStatus, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static String challengeCode(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("challengeCode=")) {
                return URLDecoder.decode(pair.substring("challengeCode=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
