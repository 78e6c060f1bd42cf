package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;

/**
 * The Entity API's change queries (PROTOCOL.md section 7), answered from the change log: entities updated since a
 * date, events in a window, the actions of an event, an entity's history. Paging by {@code start}/{@code max}.
 */
final class ChangeQueryEndpoints {

    private static final String XML = "application/xml;charset=UTF-8";
    static final String UPDATED_SINCE = "/api/entity/entities/updated-since";
    private static final String EVENTS = "/api/entity/events";
    private static final String EVENT_ACTIONS = "/event-actions";
    private static final int DEFAULT_MAX = 100;

    private final SimulatedCatalogue catalogue;
    private final ChangeXml xml;

    ChangeQueryEndpoints(SimulatedCatalogue catalogue, ChangeXml xml) {
        this.catalogue = catalogue;
        this.xml = xml;
    }

    boolean handles(String path) {
        return path.equals(UPDATED_SINCE) || path.equals(EVENTS)
                || path.startsWith("/api/entity/") && path.endsWith(EVENT_ACTIONS);
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        Map<String, String> query = HttpExchanges.parseForm(exchange.getRequestURI().getRawQuery());
        try {
            int start = number(query, "start", 0);
            int max = catalogue.pageSize(number(query, "max", DEFAULT_MAX));
            if (max < 1) {
                throw new IllegalArgumentException("max must be at least 1");
            }
            ChangeLog log = catalogue.log();
            if (path.equals(UPDATED_SINCE)) {
                Instant date = date(query, "date", true);
                ChangeLog.Page<ChangeLog.Change> page = log.updatedSince(date, date(query, "endDate", false), start,
                        max);
                catalogue.updatedSincePageRead();
                HttpExchanges.send(exchange, 200, XML, xml.entities(page, next(path, query, page)));
            } else if (path.equals(EVENTS)) {
                Set<String> types = query.containsKey("types") && !query.get("types").isBlank()
                        ? Arrays.stream(query.get("types").split(",")).map(String::strip).collect(Collectors.toSet())
                        : Set.of();
                ChangeLog.Page<ChangeLog.Change> page = log.events(types, date(query, "from", false),
                        date(query, "to", false), start, max);
                HttpExchanges.send(exchange, 200, XML, xml.events(page, next(path, query, page)));
            } else {
                eventActions(exchange, path, query, start, max);
            }
        } catch (IllegalArgumentException e) {
            HttpExchanges.sendError(exchange, 400, e.getMessage());
        }
    }

    private void eventActions(HttpExchange exchange, String path, Map<String, String> query, int start, int max)
            throws IOException {
        String[] parts = path.substring("/api/entity/".length(), path.length() - EVENT_ACTIONS.length()).split("/");
        if (parts.length != 2) {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: GET " + path);
            return;
        }
        ChangeLog log = catalogue.log();
        ChangeLog.Page<ChangeLog.Change> page;
        if (parts[0].equals("events")) {
            page = log.eventActions(parts[1], start, max);
        } else if (Set.of("information-objects", "structural-objects", "content-objects").contains(parts[0])) {
            page = catalogue.entry(parts[1]) == null ? null : log.history(parts[1], start, max);
        } else {
            page = null;
        }
        if (page == null) {
            HttpExchanges.sendError(exchange, 404, "No " + parts[0] + " with reference " + parts[1]);
            return;
        }
        HttpExchanges.send(exchange, 200, XML, xml.eventActions(page, next(path, query, page)));
    }

    /** The URL of the next page (same query, {@code start} moved on), or null on the last page. */
    private String next(String path, Map<String, String> query, ChangeLog.Page<?> page) {
        if (!page.hasNext()) {
            return null;
        }
        Map<String, String> nextQuery = new LinkedHashMap<>(query);
        nextQuery.remove("start");
        nextQuery.remove("max");
        nextQuery.put("start", Integer.toString(page.start() + page.items().size()));
        nextQuery.put("max", Integer.toString(page.max()));
        return xml.baseUrl() + path + "?" + nextQuery.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int number(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** Accepts ISO-8601 with {@code Z}, {@code +00:00} or {@code +0000} and any fraction; a blank is a '+' undone. */
    static Instant date(Map<String, String> query, String name, boolean required) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("Missing query parameter '" + name + "' (an ISO-8601 date)");
            }
            return null;
        }
        String text = value.strip().replace(' ', '+');
        if (text.matches(".*[+-]\\d{4}$")) {
            text = text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 date with an offset: '" + value + "'");
        }
    }
}
