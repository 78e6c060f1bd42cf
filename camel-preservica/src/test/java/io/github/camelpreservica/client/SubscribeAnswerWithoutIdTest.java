package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether Preservica's subscribe answer carries the new id is not documented. The simulator always sends it, so this
 * test serves the other case from a small loopback server: the client must then find its subscription by listing.
 */
class SubscribeAnswerWithoutIdTest {

    private static final String HOOK = "http://127.0.0.1:9/hook";

    private HttpServer server;
    private volatile String listAnswer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/api/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(AccessTokenSession.LOGIN_PATH)) {
                send(exchange, "{\"success\":true,\"token\":\"t1\",\"refresh-token\":\"r1\",\"validFor\":15}");
            } else if (path.equals(PreservicaClient.SUBSCRIPTIONS_PATH) && method.equals("POST")) {
                exchange.sendResponseHeaders(200, -1); // accepted, empty body
            } else if (path.equals(PreservicaClient.SUBSCRIPTIONS_PATH) && method.equals("GET")) {
                send(exchange, listAnswer);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private PreservicaClient client() {
        return new PreservicaClient(PreservicaClientConfig.builder()
                .server("http://127.0.0.1:" + server.getAddress().getPort())
                .username("admin").password("pw").tenant("TEST").build());
    }

    @Test
    void findsTheNewSubscriptionByUrlAndTriggerWhenTheAnswerHasNoId() {
        listAnswer = "[{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"url\":\"" + HOOK
                + "\",\"triggerType\":\"MOVED\"},"
                + "{\"id\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"url\":\"" + HOOK
                + "\",\"triggerType\":\"FULL_TEXT_INDEXED\"},"
                + "{\"id\":\"cccccccccccccccccccccccccccccccc\",\"url\":\"http://elsewhere\",\"triggerType\":\"FULL_TEXT_INDEXED\"}]";
        try (PreservicaClient client = client()) {
            Subscription found = client.subscribe(HOOK, TriggerType.INDEXED, "s3cret");
            assertEquals("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", found.id());
        }
    }

    @Test
    void reportsAcceptedSubscriptionThatIsNotListed() {
        listAnswer = "[]";
        try (PreservicaClient client = client()) {
            PreservicaServerException e = assertThrows(PreservicaServerException.class,
                    () -> client.subscribe(HOOK, TriggerType.INDEXED, "s3cret"));
            assertTrue(e.getMessage().contains("not listed"), e.getMessage());
        }
    }

    @Test
    void readsSubscriptionsWrappedInAnObject() {
        listAnswer = "{\"subscriptions\":[{\"id\":\"dddddddddddddddddddddddddddddddd\",\"url\":\"" + HOOK
                + "\",\"triggerType\":\"SOMETHING_NEW\",\"extra\":null}]}";
        try (PreservicaClient client = client()) {
            Subscription listed = client.listSubscriptions().get(0);
            assertEquals("dddddddddddddddddddddddddddddddd", listed.id());
            assertTrue(listed.trigger().isEmpty());
            assertTrue(listed.attributes().containsKey("extra"));
        }
    }
}
