package io.github.camelpreservica.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call to Preservica, kept as data so that it can be sent again after a retry or a new login.
 * {@link #toString()} shows the method and path only: form bodies hold passwords.
 *
 * @param repeatable whether sending it twice does no harm (GET, login); if not, it is retried only when the server
 *                   cannot have acted on it (see {@link PreservicaHttp})
 */
record PreservicaRequest(String method, String path, String query, String contentType, byte[] body, boolean repeatable) {

    static PreservicaRequest get(String path) {
        return new PreservicaRequest("GET", path, null, null, null, true);
    }

    static PreservicaRequest get(String path, Map<String, String> queryParameters) {
        return new PreservicaRequest("GET", path, encode(queryParameters), null, null, true);
    }

    /** Not repeatable: a lost answer may hide a delete that happened, and the second one would answer 404. */
    static PreservicaRequest delete(String path) {
        return new PreservicaRequest("DELETE", path, null, null, null, false);
    }

    static PreservicaRequest postForm(String path, Map<String, String> form) {
        return new PreservicaRequest("POST", path, null, "application/x-www-form-urlencoded",
                encode(form).getBytes(StandardCharsets.UTF_8), false);
    }

    /** The same request marked as harmless to send twice (a login: at worst a second token). */
    PreservicaRequest asRepeatable() {
        return new PreservicaRequest(method, path, query, contentType, body, true);
    }

    static PreservicaRequest postJson(String path, byte[] json) {
        return new PreservicaRequest("POST", path, null, "application/json", json, false);
    }

    /** Method and path, e.g. {@code GET /api/user/details}: what error messages and logs show. */
    String describe() {
        return method + " " + path;
    }

    String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    /** Encodes form fields and query parameters the way HTML forms do, keeping the map's order. */
    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Encodes one path segment (a reference or an id); URLEncoder's '+' for blanks is wrong in paths. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return describe();
    }
}
