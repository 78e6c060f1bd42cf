package io.github.camelpreservica.examples.cataloguesync;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catalogue as the HTTP routes show it: a JSON array ({@code GET /catalogue}) and a plain HTML page
 * ({@code GET /}), both from the rows of {@code sql/select-catalogue.sql} (column names in any case: H2 answers in
 * upper case, PostgreSQL in lower case, camel-sql's rows are case-insensitive maps).
 */
public final class CatalogueView {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CatalogueView() {
    }

    /** One object per entity, every column but the thumbnail's bytes ({@code hasThumbnail} says if there is one). */
    public static String json(List<Map<String, Object>> rows) throws JsonProcessingException {
        ArrayNode array = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode entity = array.addObject();
            entity.put("ref", text(row, "ref"));
            entity.put("type", text(row, "entity_type"));
            entity.put("title", text(row, "title"));
            entity.put("description", text(row, "description"));
            entity.put("parent", text(row, "parent"));
            entity.put("securityTag", text(row, "security_tag"));
            entity.set("identifiers", identifiers(text(row, "identifiers")));
            entity.put("deleted", Boolean.TRUE.equals(row.get("deleted")));
            entity.put("lastChange", Objects.toString(instant(row.get("last_change")), null));
            entity.put("hasThumbnail", Boolean.TRUE.equals(row.get("has_thumbnail")));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    /** A table of the entities, thumbnails inline, deleted ones struck through; no script at all. */
    public static String html(List<Map<String, Object>> rows) {
        Instant newest = rows.stream().map(row -> instant(row.get("last_change"))).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        StringBuilder page = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Preservica catalogue</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222}
                table{border-collapse:collapse;width:100%}
                th,td{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left;vertical-align:middle}
                td:last-child{white-space:nowrap}
                th{background:#f3f3f3}
                tr.deleted td{color:#999;text-decoration:line-through}
                img{width:64px;height:64px;object-fit:cover;border-radius:4px}
                code{font-size:.85em}
                </style></head><body>
                <h1>Preservica catalogue</h1>
                """);
        Map<String, String> titles = new HashMap<>();
        rows.forEach(row -> titles.put(text(row, "ref"), text(row, "title")));
        long live = rows.stream().filter(row -> !Boolean.TRUE.equals(row.get("deleted"))).count();
        page.append("<p>").append(live).append(" entities, ").append(rows.size() - live).append(" deleted. ")
                .append("Last change: <strong>").append(newest == null ? "none yet" : READABLE.format(newest))
                .append("</strong>. ")
                .append("As JSON: <a href=\"catalogue\">/catalogue</a>.</p>\n")
                .append("<table><tr><th></th><th>Title</th><th>Type</th><th>Security</th><th>Parent</th>")
                .append("<th>Reference</th><th>Last change</th></tr>\n");
        for (Map<String, Object> row : rows) {
            String ref = text(row, "ref");
            boolean deleted = Boolean.TRUE.equals(row.get("deleted"));
            page.append(deleted ? "<tr class=\"deleted\">" : "<tr>").append("<td>");
            if (Boolean.TRUE.equals(row.get("has_thumbnail"))) {
                page.append("<img alt=\"\" src=\"thumbnail/").append(escape(ref)).append("\">");
            }
            page.append("</td><td>").append(escape(text(row, "title")))
                    .append(deleted ? " (deleted)" : "")
                    .append("</td><td>").append("SO".equals(text(row, "entity_type")) ? "folder" : "asset")
                    .append("</td><td>").append(escape(text(row, "security_tag")))
                    .append("</td><td>").append(escape(parentName(text(row, "parent"), titles)))
                    .append("</td><td><code>").append(escape(ref))
                    .append("</code></td><td>").append(readable(instant(row.get("last_change"))))
                    .append("</td></tr>\n");
        }
        return page.append("</table>\n</body></html>\n").toString();
    }

    /** The parent folder's title when the catalogue has it, else its reference. */
    private static String parentName(String parent, Map<String, String> titles) {
        String title = parent == null ? null : titles.get(parent);
        return title != null ? title : parent;
    }

    private static String readable(Instant instant) {
        return instant == null ? "" : READABLE.format(instant);
    }

    private static JsonNode identifiers(String stored) {
        if (stored == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            // written by this application as JSON; anything else is shown as the text it is
            return JSON.getNodeFactory().textNode(stored);
        }
    }

    /** H2 answers TIMESTAMP WITH TIME ZONE as OffsetDateTime, PostgreSQL's driver as Timestamp. */
    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return value == null ? null : OffsetDateTime.parse(value.toString()).toInstant();
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
