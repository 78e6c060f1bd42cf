package io.github.camelpreservica.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request received on {@code /api}, as the client sent it.
 *
 * @param query the raw (still encoded) query string, or null
 * @param headers header names are case-insensitive keys
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              byte[] body, Instant receivedAt) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        // headers and body may hold tokens and passwords: left out
        return "RecordedRequest[" + method + " " + path + (query != null ? "?" + query : "") + ", bytes="
                + body.length + "]";
    }
}
