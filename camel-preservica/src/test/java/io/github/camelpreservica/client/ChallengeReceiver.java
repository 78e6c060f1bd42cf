package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelpreservica.signing.ChallengeRefusedException;
import io.github.camelpreservica.signing.WebhookSignatures;

/**
 * A tiny webhook receiver on 127.0.0.1 that answers the simulator's subscription challenge, correctly or, on demand,
 * wrongly, so that subscribe calls can be tested for real.
 */
final class ChallengeReceiver implements AutoCloseable {

    enum Behaviour {
        ANSWER_CORRECTLY, ANSWER_WITH_WRONG_HASH, ANSWER_500
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final WebhookSignatures signatures;
    private final List<String> challengeCodes = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER_CORRECTLY;

    ChallengeReceiver(String secret) throws IOException {
        this.signatures = new WebhookSignatures(secret);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to subscribe, e.g. {@code http://127.0.0.1:1234/hooks/preservica}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/preservica";
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    List<String> challengeCodes() {
        return List.copyOf(challengeCodes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String code = challengeCode(exchange.getRequestURI().getRawQuery());
            if (code == null || behaviour == Behaviour.ANSWER_500) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            challengeCodes.add(code);
            String response;
            try {
                response = signatures.challengeResponse(code);
            } catch (ChallengeRefusedException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (behaviour == Behaviour.ANSWER_WITH_WRONG_HASH) {
                response = new WebhookSignatures("not-the-shared-secret").challengeResponse(code);
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("challengeCode", code);
            answer.put("challengeResponse", response);
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
