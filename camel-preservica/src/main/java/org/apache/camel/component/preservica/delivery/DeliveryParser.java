package org.apache.camel.component.preservica.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the raw bytes of a delivery into a {@link WebhookDelivery}. Strict about the shape (an object with an
 * {@code events} array of objects), tolerant about content: unknown fields and event names are kept, never refused.
 * <p>
 * Parsing is bounded: nesting deeper than {@link #DEFAULT_MAX_NESTING_DEPTH} is refused, as are duplicate keys
 * (two parsers could otherwise read two different entity references from one signed body) and trailing content.
 * Thread-safe; create one and share it.
 */
public final class DeliveryParser {

    /** Real deliveries nest four levels deep; this leaves room for unknown fields without inviting deep recursion. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    private static final Set<String> DELIVERY_FIELDS = Set.of("subscriptionId", "timestamp", "tenant", "version",
            "trigger", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("event", "entityType", "entityRef", "identifiers");

    private final ObjectMapper mapper;

    public DeliveryParser() {
        this(DEFAULT_MAX_NESTING_DEPTH);
    }

    public DeliveryParser(int maxNestingDepth) {
        if (maxNestingDepth < 4) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 4 (was " + maxNestingDepth + ")");
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * @param  body                     the request body exactly as received
     * @throws InvalidDeliveryException if the bytes are not JSON, or not JSON shaped like a delivery
     */
    public WebhookDelivery parse(byte[] body) throws InvalidDeliveryException {
        if (body == null || body.length == 0) {
            throw new InvalidDeliveryException("The delivery body is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // the original message names the problem without quoting the body
            throw new InvalidDeliveryException("The delivery body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidDeliveryException("The delivery body could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDeliveryException(
                    "The delivery body is JSON but not an object (found " + describe(root) + ")");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new InvalidDeliveryException(
                    "The delivery has no 'events' array (found " + describe(events) + ")");
        }
        String subscriptionId = text(root, "subscriptionId", "delivery");
        String timestamp = text(root, "timestamp", "delivery");
        String tenant = text(root, "tenant", "delivery");
        String version = text(root, "version", "delivery");
        String trigger = text(root, "trigger", "delivery");

        List<WebhookEvent> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw new InvalidDeliveryException(
                        "Event " + i + " of the delivery is not an object (found " + describe(event) + ")");
            }
            String where = "event " + i;
            WebhookEvent.Builder builder = WebhookEvent.builder()
                    .event(text(event, "event", where))
                    .entityType(text(event, "entityType", where))
                    .entityRef(text(event, "entityRef", where))
                    .identifiers(identifiers(event.get("identifiers"), where))
                    .delivery(subscriptionId, trigger, timestamp, tenant);
            otherFields((ObjectNode) event, EVENT_FIELDS).forEach(builder::otherField);
            parsed.add(builder.build());
        }
        return new WebhookDelivery(subscriptionId, timestamp, tenant, version, trigger, parsed,
                otherFields((ObjectNode) root, DELIVERY_FIELDS));
    }

    /** The mapper this parser reads with; also suitable for writing the model back as JSON. */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    private static String text(JsonNode parent, String field, String where) throws InvalidDeliveryException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new InvalidDeliveryException(
                "Field '" + field + "' of the " + where + " must be a text value (found " + describe(value) + ")");
    }

    private List<Map<String, Object>> identifiers(JsonNode node, String where) throws InvalidDeliveryException {
        List<Map<String, Object>> identifiers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return identifiers;
        }
        if (!node.isArray()) {
            throw new InvalidDeliveryException(
                    "Field 'identifiers' of the " + where + " must be an array (found " + describe(node) + ")");
        }
        for (JsonNode identifier : node) {
            if (!identifier.isObject()) {
                throw new InvalidDeliveryException("Field 'identifiers' of the " + where
                                                   + " must hold objects (found " + describe(identifier) + ")");
            }
            identifiers.add(otherFields((ObjectNode) identifier, Set.of()));
        }
        return identifiers;
    }

    private Map<String, Object> otherFields(ObjectNode node, Set<String> known) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                fields.put(field.getKey(), mapper.convertValue(field.getValue(), Object.class));
            }
        }
        return fields;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
