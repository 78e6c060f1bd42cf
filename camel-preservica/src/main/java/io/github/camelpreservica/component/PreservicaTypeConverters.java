package io.github.camelpreservica.component;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.client.Asset;
import io.github.camelpreservica.client.Subscription;
import org.apache.camel.Converter;

/**
 * Lets routes treat the client's records as plain data: {@code convertBodyTo(Map.class)} or
 * {@code convertBodyTo(String.class)} give the fields as a map or as JSON. A subscription's extra attributes sit
 * beside its id, url and triggerType, as in Preservica's own listing.
 */
@Converter(generateLoader = true)
public final class PreservicaTypeConverters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreservicaTypeConverters() {
    }

    @Converter
    public static Map<String, Object> assetToMap(Asset asset) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ref", asset.ref());
        map.put("title", asset.title());
        map.put("description", asset.description());
        map.put("securityTag", asset.securityTag());
        map.put("parent", asset.parent());
        return map;
    }

    @Converter
    public static String assetToJson(Asset asset) {
        return toJson(assetToMap(asset));
    }

    @Converter
    public static Map<String, Object> subscriptionToMap(Subscription subscription) {
        Map<String, Object> map = new LinkedHashMap<>(subscription.attributes());
        // the named fields win over an attribute of the same name
        map.put("id", subscription.id());
        map.put("url", subscription.url());
        map.put("triggerType", subscription.triggerType());
        return map;
    }

    @Converter
    public static String subscriptionToJson(Subscription subscription) {
        return toJson(subscriptionToMap(subscription));
    }

    private static String toJson(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + map.keySet() + " as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
