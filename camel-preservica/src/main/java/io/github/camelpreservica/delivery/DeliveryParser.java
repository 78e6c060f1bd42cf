package io.github.camelpreservica.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
     * @param body the request body exactly as received
     * @throws InvalidDeliveryException if the bytes are not JSON, or not JSON shaped like a delivery
     */
    public WebhookDelivery parse(byte[] body) throws InvalidDeliveryException {
        if (body == null || body.length == 0) {
            throw new InvalidDeliveryException("The delivery body is empty");
        }
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            return new Reading(parser).delivery();
        } catch (JsonProcessingException e) {
            // the original message names the problem without quoting the body
            throw new InvalidDeliveryException("The delivery body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidDeliveryException("The delivery body could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The mapper whose factory (and so whose limits) this parser reads with; reading with the mapper itself applies
     * the same limits. Also suitable for writing the model back as JSON.
     */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    /**
     * One pass over the tokens of one body, building the model as it goes: no JSON tree, no second conversion. A body
     * that is JSON but not shaped like a delivery is read to its end all the same, so that a syntax error anywhere
     * wins over a shape error (as if the whole body had been parsed first); the first shape error found is thrown
     * after that.
     */
    private static final class Reading {

        private final JsonParser parser;
        private InvalidDeliveryException shapeError;

        Reading(JsonParser parser) {
            this.parser = parser;
        }

        WebhookDelivery delivery() throws IOException, InvalidDeliveryException {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                shape("The delivery body is JSON but not an object (found " + describe(first) + ")");
                parser.skipChildren();
                return endOfBody(null);
            }
            String subscriptionId = null;
            String timestamp = null;
            String tenant = null;
            String version = null;
            String trigger = null;
            List<WebhookEvent.Builder> events = null;
            Map<String, Object> otherFields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "subscriptionId" -> subscriptionId = text(name, "delivery");
                    case "timestamp" -> timestamp = text(name, "delivery");
                    case "tenant" -> tenant = text(name, "delivery");
                    case "version" -> version = text(name, "delivery");
                    case "trigger" -> trigger = text(name, "delivery");
                    case "events" -> events = events();
                    default -> otherFields.put(name, value());
                }
            }
            if (events == null) {
                shape("The delivery has no 'events' array (found nothing)");
            }
            if (shapeError != null) {
                return endOfBody(null);
            }
            List<WebhookEvent> parsed = new ArrayList<>(events.size());
            for (WebhookEvent.Builder event : events) {
                parsed.add(event.delivery(subscriptionId, trigger, timestamp, tenant).build());
            }
            return endOfBody(new WebhookDelivery(subscriptionId, timestamp, tenant, version, trigger, parsed,
                    otherFields));
        }

        /** Checks that nothing follows the value just read, then throws the first shape error, if any. */
        private WebhookDelivery endOfBody(WebhookDelivery delivery) throws IOException, InvalidDeliveryException {
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new InvalidDeliveryException(
                        "The delivery body is not valid JSON: trailing content after the object (" + trailing + ")");
            }
            if (shapeError != null) {
                throw shapeError;
            }
            return delivery;
        }

        /** The events array, or null (a shape error recorded) when the value is not an array. */
        private List<WebhookEvent.Builder> events() throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                shape("The delivery has no 'events' array (found " + describe(parser.currentToken()) + ")");
                parser.skipChildren();
                return List.of();
            }
            List<WebhookEvent.Builder> events = new ArrayList<>();
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    shape("Event " + i + " of the delivery is not an object (found "
                            + describe(parser.currentToken()) + ")");
                    parser.skipChildren();
                    continue;
                }
                events.add(event("event " + i));
            }
            return events;
        }

        private WebhookEvent.Builder event(String where) throws IOException {
            WebhookEvent.Builder builder = WebhookEvent.builder();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "event" -> builder.event(text(name, where));
                    case "entityType" -> builder.entityType(text(name, where));
                    case "entityRef" -> builder.entityRef(text(name, where));
                    case "identifiers" -> builder.identifiers(identifiers(where));
                    default -> builder.otherField(name, value());
                }
            }
            return builder;
        }

        private List<Map<String, Object>> identifiers(String where) throws IOException {
            List<Map<String, Object>> identifiers = new ArrayList<>();
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return identifiers;
            }
            if (token != JsonToken.START_ARRAY) {
                shape("Field 'identifiers' of the " + where + " must be an array (found " + describe(token) + ")");
                parser.skipChildren();
                return identifiers;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    shape("Field 'identifiers' of the " + where + " must hold objects (found "
                            + describe(parser.currentToken()) + ")");
                    parser.skipChildren();
                    continue;
                }
                identifiers.add(object());
            }
            return identifiers;
        }

        /** A field that must be a single value, as text (numbers and booleans as written by Java); null if null. */
        private String text(String field, String where) throws IOException {
            JsonToken token = parser.currentToken();
            switch (token) {
                case VALUE_NULL:
                    return null;
                case VALUE_STRING:
                    return parser.getText();
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return String.valueOf(value());
                default:
                    shape("Field '" + field + "' of the " + where + " must be a text value (found " + describe(token)
                            + ")");
                    parser.skipChildren();
                    return null;
            }
        }

        /**
         * The current value as plain Java: objects as {@code LinkedHashMap}, arrays as {@code ArrayList}, strings,
         * {@code Integer}, {@code Long} or {@code BigInteger} for whole numbers, {@code BigDecimal} for the others
         * (exactly as written), {@code Boolean}, null. Depth is bounded by the parser's nesting limit.
         */
        private Object value() throws IOException {
            switch (parser.currentToken()) {
                case START_OBJECT:
                    return object();
                case START_ARRAY:
                    List<Object> array = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value());
                    }
                    return array;
                case VALUE_STRING:
                    return parser.getText();
                case VALUE_NUMBER_INT:
                    return parser.getNumberValue();
                case VALUE_NUMBER_FLOAT:
                    return parser.getDecimalValue();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                default:
                    return null;
            }
        }

        private Map<String, Object> object() throws IOException {
            Map<String, Object> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, value());
            }
            return fields;
        }

        private void shape(String message) {
            if (shapeError == null) {
                shapeError = new InvalidDeliveryException(message);
            }
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
