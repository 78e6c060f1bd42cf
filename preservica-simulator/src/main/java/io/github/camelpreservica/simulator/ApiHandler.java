package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /api}: records the request, applies injected faults, checks the access token, then
 * hands the call to the endpoints that own its path.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    static final String TOKEN_HEADER = "Preservica-Access-Token";
    private static final List<String> WEBHOOK_ROLES = List.of("ROLE_SDB_MANAGER_USER", "ROLE_SDB_ADMIN_USER",
            "ROLE_SDB_CONFIG_MANAGER_USER");

    private final List<RecordedRequest> journal;
    private final Faults faults;
    private final AccessTokens tokens;
    private final AuthEndpoints auth;
    private final WebhookEndpoints webhooks;
    private final EntityEndpoints entities;

    ApiHandler(List<RecordedRequest> journal, Faults faults, AccessTokens tokens, AuthEndpoints auth,
            WebhookEndpoints webhooks, EntityEndpoints entities) {
        this.journal = journal;
        this.faults = faults;
        this.tokens = tokens;
        this.auth = auth;
        this.webhooks = webhooks;
        this.entities = entities;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            byte[] body = HttpExchanges.readBody(exchange);
            journal.add(new RecordedRequest(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, Instant.now()));
            faults.sleepIfDelayed();
            int failure = faults.takeFailure();
            if (failure > 0) {
                HttpExchanges.sendError(exchange, failure, "Simulated failure: HTTP " + failure);
                return;
            }
            route(exchange, method, path, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("{} {} failed inside the simulator", method, path, e);
            try {
                HttpExchanges.sendError(exchange, 500, "Simulator error: " + e.getClass().getSimpleName());
            } catch (IOException ignored) {
                // the answer had already started; nothing more to tell the client
            }
        } finally {
            exchange.close();
            LOG.info("{} {} -> {} ({} ms)", method, path, exchange.getResponseCode(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        if (path.startsWith("/api/accesstoken/")) {
            Map<String, String> form = HttpExchanges.parseForm(exchange.getRequestURI().getRawQuery());
            HttpExchanges.parseForm(new String(body, StandardCharsets.UTF_8)).forEach(form::put);
            auth.handle(exchange, method, path, form);
            return;
        }
        SimulatedUser user = tokens.userFor(exchange.getRequestHeaders().getFirst(TOKEN_HEADER));
        if (user == null) {
            boolean sent = exchange.getRequestHeaders().containsKey(TOKEN_HEADER);
            HttpExchanges.sendError(exchange, 401, sent
                    ? "The access token is unknown or has expired: log in again"
                    : "Missing header " + TOKEN_HEADER);
            return;
        }
        if (path.startsWith("/api/webhook/")) {
            if (!user.hasAnyRole(WEBHOOK_ROLES)) {
                HttpExchanges.sendError(exchange, 403, "User '" + user.userName() + "' on tenant '" + user.tenant()
                        + "' lacks the role ROLE_SDB_MANAGER_USER or ROLE_SDB_ADMIN_USER needed for webhooks");
                return;
            }
            webhooks.handle(exchange, method, path, body, user);
            return;
        }
        entities.handle(exchange, method, path, user);
    }
}
