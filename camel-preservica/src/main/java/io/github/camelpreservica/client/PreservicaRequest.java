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
 *     cannot have acted on it (see {@link PreservicaHttp})
 */
record PreservicaRequest(String method, String path, String query, String contentType, byte[] body,
                         boolean repeatable) {

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

    /**
     * Encodes one path segment (a reference or an id); URLEncoder's '+' for blanks is wrong in paths.
     *
     * @throws IllegalArgumentException when the value could name another resource (see {@link #requireSafeIdentifier})
     */
    static String pathSegment(String what, String value) {
        return URLEncoder.encode(requireSafeIdentifier(what, value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Refuses an entity reference or subscription id that could make its URL name another resource: {@code .} and
     * {@code ..} (a server or proxy normalises {@code /subscriptions/.} to the collection itself), {@code /},
     * {@code \}, {@code ?}, {@code #}, {@code %} (encoded or not, some proxies decode them again) and control
     * characters. Preservica's own references are UUIDs, its subscription ids hex.
     *
     * @return the value
     * @throws IllegalArgumentException naming what the value is and the character refused
     */
    static String requireSafeIdentifier(String what, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("The " + what + " '" + value + "' is not a Preservica " + what
                    + ": it would name another resource in the URL");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '?' || c == '#' || c == '%') {
                String shown = c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
                throw new IllegalArgumentException("The " + what + " '" + printable(value) + "' contains " + shown
                        + ", which is refused in a Preservica " + what);
            }
        }
        return value;
    }

    private static String printable(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append('?');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
