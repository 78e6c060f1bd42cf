package io.github.camelpreservica.examples.cataloguesync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.client.Asset;
import io.github.camelpreservica.client.Folder;
import io.github.camelpreservica.component.preservica.PreservicaConstants;
import io.github.camelpreservica.component.webhook.PreservicaWebhookConstants;
import io.github.camelpreservica.delivery.WebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an event and what was fetched for it into the named parameters of the upsert ({@code sql/<dialect>/
 * upsert-entity.sql}). The row holds Preservica's current state, whatever the event said, so a repeated or late
 * event writes the same row again: the upsert is idempotent by construction. {@code lastChange} moves only when what
 * the row shows changed, and only forward (the SQL keeps the greater of the stored and the new time).
 */
public final class CatalogueRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueRows() {
    }

    /** The row of an asset: its fields, and the large thumbnail in the body when the thumbnail call found one. */
    public static Map<String, Object> asset(Exchange exchange) {
        Asset asset = exchange.getProperty(CatalogueSyncRoutes.FETCHED_ENTITY, Asset.class);
        Map<String, Object> row = row(exchange, "IO", false);
        row.put("title", asset.title());
        row.put("description", asset.description());
        row.put("parent", asset.parent());
        row.put("securityTag", asset.securityTag());
        Message message = exchange.getMessage();
        boolean thumbnailFound = message.getHeader(PreservicaConstants.THUMBNAIL_FOUND, false, Boolean.class);
        row.put("thumbnail", thumbnailFound ? message.getBody(byte[].class) : null);
        // a thumbnail served without a content type is still kept, as bytes of unknown type
        row.put("thumbnailType", thumbnailFound
                ? message.getHeader(Exchange.CONTENT_TYPE, "application/octet-stream", String.class)
                : null);
        return row;
    }

    /** The row of a folder (no thumbnail is kept for folders). */
    public static Map<String, Object> folder(Exchange exchange) {
        Folder folder = exchange.getMessage().getBody(Folder.class);
        Map<String, Object> row = row(exchange, "SO", false);
        row.put("title", folder.title());
        row.put("description", folder.description());
        row.put("parent", folder.parent());
        row.put("securityTag", folder.securityTag());
        row.put("thumbnail", null);
        row.put("thumbnailType", null);
        return row;
    }

    /** The row of a deleted entity: marked deleted, its last known fields kept (the SQL ignores the nulls here). */
    public static Map<String, Object> deleted(Exchange exchange) {
        Map<String, Object> row = row(exchange,
                exchange.getMessage().getHeader(PreservicaWebhookConstants.ENTITY_TYPE, "IO", String.class),
                true);
        for (String field : List.of("title", "description", "parent", "securityTag", "thumbnail", "thumbnailType")) {
            row.put(field, null);
        }
        return row;
    }

    private static Map<String, Object> row(Exchange exchange, String type, boolean deleted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ref", exchange.getMessage().getHeader(PreservicaWebhookConstants.ENTITY_REF, String.class));
        row.put("type", type);
        row.put("deleted", deleted);
        row.put("identifiers", identifiers(exchange.getProperty(CatalogueSyncRoutes.EVENT, WebhookEvent.class)));
        row.put("lastChange", lastChange(exchange.getMessage()));
        return row;
    }

    /**
     * The identifiers the webhook delivered (the consumer subscribes with includeIdentifiers), as JSON text; null
     * when the event carried none (a caught-up change), which keeps the stored ones.
     */
    static String identifiers(WebhookEvent event) {
        if (event == null || event.getIdentifiers().isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(event.getIdentifiers());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Identifiers of " + event.getEntityRef() + " cannot be written as JSON",
                    e);
        }
    }

    /**
     * When the change was seen: the delivery's timestamp (Preservica sends it without a zone; it is UTC), or for a
     * caught-up change the end of its catch-up window, or now.
     */
    static OffsetDateTime lastChange(Message message) {
        String timestamp = message.getHeader(PreservicaWebhookConstants.TIMESTAMP, String.class);
        if (timestamp != null && !timestamp.isBlank()) {
            try {
                return OffsetDateTime.parse(timestamp);
            } catch (DateTimeParseException withoutZone) {
                try {
                    return LocalDateTime.parse(timestamp).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    // an unreadable time must not lose the change: fall through to the window or now
                }
            }
        }
        String windowEnd = message.getHeader(PreservicaWebhookConstants.CATCH_UP_TO, String.class);
        if (windowEnd != null && !windowEnd.isBlank()) {
            try {
                return OffsetDateTime.parse(windowEnd);
            } catch (DateTimeParseException e) {
                // as above
            }
        }
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
