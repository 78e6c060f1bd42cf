package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's own control API under {@code /simulator/} (a path Preservica does not use): no authentication,
 * JSON in and out, the same operations as the Java API, for the standalone jar.
 */
final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final PreservicaSimulator simulator;
    private final CatalogueAdmin catalogue;

    AdminHandler(PreservicaSimulator simulator) {
        this.simulator = simulator;
        this.catalogue = new CatalogueAdmin(simulator);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            JsonNode body = readJson(exchange);
            route(exchange, method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path), body);
        } catch (IllegalArgumentException e) {
            answerError(exchange, 400, e.getMessage());
        } catch (IOException e) {
            answerError(exchange, 400, "The request body is not valid JSON");
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed inside the simulator", method, path, e);
            answerError(exchange, 500, "Simulator error: " + e);
        } finally {
            exchange.close();
            LOG.info("admin {} {} -> {}", method, path, exchange.getResponseCode());
        }
    }

    private void route(HttpExchange exchange, String call, JsonNode body) throws IOException {
        switch (call) {
            case "POST /simulator/events" -> HttpExchanges.sendJson(exchange, 200,
                    deliveriesJson(simulator.fire(fireRequest(body))));
            case "GET /simulator/deliveries" -> HttpExchanges.sendJson(exchange, 200,
                    deliveriesJson(simulator.deliveries()));
            case "GET /simulator/subscriptions" -> {
                ArrayNode list = HttpExchanges.JSON.createArrayNode();
                simulator.subscriptions().forEach(s -> list.add(WebhookEndpoints.json(s).put("tenant", s.tenant())));
                HttpExchanges.sendJson(exchange, 200, list);
            }
            case "POST /simulator/subscriptions" -> {
                String id = simulator.addSubscription(required(body, "url"), required(body, "triggerType"),
                        required(body, "secret"));
                HttpExchanges.sendJson(exchange, 200, HttpExchanges.JSON.createObjectNode().put("id", id));
            }
            case "GET /simulator/requests" -> HttpExchanges.sendJson(exchange, 200, requestsJson());
            case "POST /simulator/faults" -> {
                if (body.has("failNext")) {
                    simulator.failNextCalls(body.path("failNext").asInt(), body.path("status").asInt(503));
                }
                if (body.has("delayMillis")) {
                    simulator.delayResponses(Duration.ofMillis(body.path("delayMillis").asLong()));
                }
                Faults faults = simulator.faults();
                HttpExchanges.sendJson(exchange, 200, HttpExchanges.JSON.createObjectNode()
                        .put("failNext", faults.failuresLeft()).put("delayMillis", faults.delayMillis()));
            }
            case "POST /simulator/tokens/expire" -> {
                simulator.expireAllTokens();
                HttpExchanges.send(exchange, 204, null, null);
            }
            case "POST /simulator/assets" -> {
                simulator.addAsset(asset(body));
                HttpExchanges.send(exchange, 204, null, null);
            }
            case "GET /simulator/assets" -> {
                ArrayNode list = HttpExchanges.JSON.createArrayNode();
                simulator.assets().forEach(a -> list.addObject().put("ref", a.ref()).put("title", a.title())
                        .put("thumbnail", a.hasThumbnail()));
                HttpExchanges.sendJson(exchange, 200, list);
            }
            case "POST /simulator/reset" -> {
                simulator.reset();
                HttpExchanges.send(exchange, 204, null, null);
            }
            default -> {
                int space = call.indexOf(' ');
                if (!catalogue.route(exchange, call.substring(0, space), call.substring(space + 1), body)) {
                    HttpExchanges.sendError(exchange, 404, "No such admin endpoint: " + call);
                }
            }
        }
    }

    private static FireRequest fireRequest(JsonNode body) {
        FireRequest.Builder builder = FireRequest.trigger(required(body, "trigger"))
                .chunked(body.path("chunked").asBoolean(true));
        for (JsonNode event : body.path("events")) {
            builder.event(event.path("entityType").asText("IO"), required(event, "entityRef"));
        }
        for (JsonNode identifier : body.path("identifiers")) {
            builder.identifier(required(identifier, "type"), required(identifier, "value"));
        }
        if (body.hasNonNull("subscriptionId")) {
            builder.toSubscription(body.get("subscriptionId").asText());
        }
        if (body.hasNonNull("eventName")) {
            builder.eventName(body.get("eventName").asText());
        }
        return builder.build();
    }

    private static SimulatedAsset asset(JsonNode body) {
        byte[] thumbnail = body.hasNonNull("thumbnailBase64")
                ? Base64.getDecoder().decode(body.get("thumbnailBase64").asText())
                : null;
        return new SimulatedAsset(required(body, "ref"), body.path("title").asText(null),
                body.path("description").asText(null), body.path("securityTag").asText("open"),
                body.path("parent").asText(null), thumbnail, body.path("thumbnailContentType").asText("image/png"));
    }

    private static ArrayNode deliveriesJson(Iterable<DeliveryRecord> records) {
        ArrayNode list = HttpExchanges.JSON.createArrayNode();
        for (DeliveryRecord record : records) {
            list.addObject()
                    .put("subscriptionId", record.subscriptionId())
                    .put("url", record.url())
                    .put("body", record.bodyAsString())
                    .put("signature", record.signature())
                    .put("status", record.status())
                    .put("error", record.error())
                    .put("chunked", record.chunked())
                    .put("sentAt", record.sentAt().toString());
        }
        return list;
    }

    private ArrayNode requestsJson() {
        ArrayNode list = HttpExchanges.JSON.createArrayNode();
        for (RecordedRequest request : simulator.requests()) {
            ObjectNode node = list.addObject()
                    .put("method", request.method())
                    .put("path", request.path())
                    .put("query", request.query());
            ObjectNode headers = node.putObject("headers");
            // credentials stay out of this API: the Java API's requests() has the raw bytes
            request.headers().forEach((name, values) -> values.forEach(value -> headers.withArray(name)
                    .add(name.equalsIgnoreCase(ApiHandler.TOKEN_HEADER) ? "(hidden)" : value)));
            node.put("body", request.path().startsWith("/api/accesstoken/")
                    ? "(credentials hidden)"
                    : request.bodyAsString());
            node.put("receivedAt", request.receivedAt().toString());
        }
        return list;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("Missing field '" + field + "'");
        }
        return value.asText();
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] bytes = HttpExchanges.readBody(exchange);
        if (bytes.length == 0) {
            return HttpExchanges.JSON.createObjectNode();
        }
        return HttpExchanges.JSON.readTree(bytes);
    }

    private static void answerError(HttpExchange exchange, int status, String message) {
        try {
            HttpExchanges.sendError(exchange, status, message);
        } catch (IOException ignored) {
            // the client is gone
        }
    }
}
