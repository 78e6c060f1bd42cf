package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The admin calls that change the catalogue and set what makes sync code fail, under
 * {@code /simulator/catalogue} (see docs/simulator.md), and {@code /simulator/receiver-down}.
 */
final class CatalogueAdmin {

    private static final String ENTITIES = "/simulator/catalogue/entities";

    private final PreservicaSimulator simulator;

    CatalogueAdmin(PreservicaSimulator simulator) {
        this.simulator = simulator;
    }

    /** @return false when the call is not one of these */
    boolean route(HttpExchange exchange, String method, String path, JsonNode body) throws IOException {
        SimulatedCatalogue catalogue = simulator.catalogue();
        if (method.equals("GET") && path.equals("/simulator/catalogue")) {
            ArrayNode list = HttpExchanges.JSON.createArrayNode();
            catalogue.entries().forEach(entry -> list.add(json(entry)));
            HttpExchanges.sendJson(exchange, 200, list);
        } else if (method.equals("POST") && path.equals("/simulator/catalogue/settings")) {
            if (body.has("maxPageSize")) {
                catalogue.maxPageSize(body.get("maxPageSize").asInt());
            }
            if (body.has("restLagMillis")) {
                catalogue.restLag(Duration.ofMillis(body.get("restLagMillis").asLong()));
            }
            HttpExchanges.send(exchange, 204, null, null);
        } else if (method.equals("POST") && path.equals("/simulator/catalogue/after-page")) {
            int page = body.path("page").asInt(0);
            catalogue.afterUpdatedSincePage(page,
                    () -> change(catalogue, text(body, "action"), text(body, "ref"), body));
            HttpExchanges.send(exchange, 204, null, null);
        } else if (method.equals("POST") && path.equals("/simulator/receiver-down")) {
            simulator.receiverDown(ReceiverDown.parse(text(body, "behaviour")),
                    Duration.ofMillis(body.path("backoffMillis").asLong(200)), body.path("attempts").asInt(5));
            HttpExchanges.send(exchange, 204, null, null);
        } else if (method.equals("POST") && path.equals(ENTITIES)) {
            HttpExchanges.sendJson(exchange, 200, json(change(catalogue, "create", null, body)));
        } else if (method.equals("DELETE") && path.startsWith(ENTITIES + "/")) {
            HttpExchanges.sendJson(exchange, 200, json(catalogue.delete(path.substring(ENTITIES.length() + 1))));
        } else if (method.equals("POST") && path.startsWith(ENTITIES + "/")) {
            String[] refAndAction = path.substring(ENTITIES.length() + 1).split("/");
            if (refAndAction.length != 2) {
                return false;
            }
            HttpExchanges.sendJson(exchange, 200, json(change(catalogue, refAndAction[1], refAndAction[0], body)));
        } else {
            return false;
        }
        return true;
    }

    /** One change by name: create, modify, move, security, visibility or delete. */
    private static CatalogueEntry change(SimulatedCatalogue catalogue, String action, String ref, JsonNode body) {
        boolean fire = body.path("fire").asBoolean(false);
        return switch (action == null ? "" : action) {
            case "create" -> catalogue.create(body.path("type").asText("IO"), body.path("ref").asText(null),
                    body.path("title").asText(null), body.path("parent").asText(null), fire);
            case "modify" -> catalogue.modify(ref, body.path("title").asText(null),
                    body.path("description").asText(null), fire);
            case "move" -> catalogue.move(ref, body.path("parent").asText(null), fire);
            case "security" -> catalogue.changeSecurity(ref, text(body, "securityTag"), fire);
            case "visibility" -> catalogue.changeVisibility(ref, body.path("visible").asBoolean(true), fire);
            case "delete" -> catalogue.delete(ref);
            default -> throw new IllegalArgumentException("Unknown change '" + action
                    + "': create, modify, move, security, visibility or delete");
        };
    }

    static ObjectNode json(CatalogueEntry entry) {
        return HttpExchanges.JSON.createObjectNode()
                .put("ref", entry.ref())
                .put("type", entry.type())
                .put("title", entry.title())
                .put("description", entry.description())
                .put("parent", entry.parent())
                .put("securityTag", entry.securityTag())
                .put("visible", entry.visible())
                .put("deleted", entry.deleted());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("Missing field '" + field + "'");
        }
        return value.asText();
    }
}
