package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** {@code /api/webhook/subscriptions}: list, subscribe (with the live URL challenge) and unsubscribe. */
final class WebhookEndpoints {

    private static final String COLLECTION = "/api/webhook/subscriptions";

    private final Subscriptions subscriptions;
    private final WebhookSender sender;

    WebhookEndpoints(Subscriptions subscriptions, WebhookSender sender) {
        this.subscriptions = subscriptions;
        this.sender = sender;
    }

    void handle(HttpExchange exchange, String method, String path, byte[] body, SimulatedUser user)
            throws IOException {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals(COLLECTION) && "GET".equals(method)) {
            ArrayNode list = HttpExchanges.JSON.createArrayNode();
            subscriptions.forTenant(user.tenant()).forEach(s -> list.add(json(s)));
            HttpExchanges.sendJson(exchange, 200, list);
        } else if (trimmed.equals(COLLECTION) && "POST".equals(method)) {
            subscribe(exchange, body, user);
        } else if (trimmed.startsWith(COLLECTION + "/") && "DELETE".equals(method)) {
            String id = trimmed.substring(COLLECTION.length() + 1);
            SimulatedSubscription existing = subscriptions.get(id);
            if (existing == null || !existing.tenant().equals(user.tenant()) || !subscriptions.remove(id)) {
                HttpExchanges.sendError(exchange, 404, "No subscription with id " + id);
                return;
            }
            HttpExchanges.send(exchange, 204, null, null);
        } else {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: " + method + " " + path);
        }
    }

    private void subscribe(HttpExchange exchange, byte[] body, SimulatedUser user) throws IOException {
        JsonNode request;
        try {
            request = HttpExchanges.JSON.readTree(body);
        } catch (IOException e) {
            HttpExchanges.sendError(exchange, 400, "The subscription request is not valid JSON");
            return;
        }
        if (request == null || !request.isObject()) {
            HttpExchanges.sendError(exchange, 400, "The subscription request must be a JSON object");
            return;
        }
        String url = request.path("url").asText("");
        String triggerText = request.path("triggerType").asText("");
        String secret = request.path("secret").asText("");
        Trigger trigger = Trigger.fromWireValue(triggerText);
        if (trigger == null) {
            HttpExchanges.sendError(exchange, 400, "Unknown triggerType '" + triggerText + "': expected MOVED,"
                    + " FULL_TEXT_INDEXED, CHANGED_SECURITY_DESCRIPTOR, INGEST_FAILED or CHANGE_ASSET_VISIBILITY");
            return;
        }
        if (secret.isEmpty()) {
            HttpExchanges.sendError(exchange, 400, "The subscription needs a non-empty 'secret'");
            return;
        }
        String badUrl = checkUrl(url);
        String failure = badUrl != null ? badUrl : sender.challenge(url, secret);
        if (failure != null) {
            ObjectNode answer = HttpExchanges.JSON.createObjectNode();
            answer.put("message", "Webhook URL validation failed: " + failure);
            HttpExchanges.sendJson(exchange, 400, answer);
            return;
        }
        SimulatedSubscription created = subscriptions.add(url, trigger, includeIdentifiers(request), secret,
                user.tenant());
        HttpExchanges.sendJson(exchange, 200, json(created));
    }

    /** pyPreservica sends {@code "true"} as a string; a JSON boolean is accepted too. */
    private static boolean includeIdentifiers(JsonNode request) {
        JsonNode value = request.path("includeIdentifiers");
        return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText(""));
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "'" + url + "' is not an absolute http or https URL";
            }
            return null;
        } catch (Exception e) {
            return "'" + url + "' is not a valid URL";
        }
    }

    static ObjectNode json(SimulatedSubscription subscription) {
        ObjectNode node = HttpExchanges.JSON.createObjectNode();
        node.put("id", subscription.id());
        node.put("url", subscription.url());
        node.put("triggerType", subscription.triggerType());
        node.put("includeIdentifiers", subscription.includeIdentifiers());
        return node;
    }
}
