package io.github.camelpreservica.component.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.github.camelpreservica.signing.WebhookSignatures;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the handler reads from the raw query string (rather than from message headers, where an HTTP header of the
 * same name could stand in for a query parameter and the other way round): the {@code challengeCode}, decoded, or
 * null if absent; and whether a parameter named like the signature header is there.
 */
record QueryParameters(String challengeCode, boolean carriesSignature) {

    private static final String CHALLENGE_PARAMETER = "challengeCode";

    /** @throws IllegalArgumentException if the challenge code is given twice or a name or value does not decode */
    static QueryParameters of(Message request) {
        String query = request.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = request.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        if (query == null || query.isEmpty()) {
            return new QueryParameters(null, false);
        }
        String code = null;
        boolean signature = false;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (CHALLENGE_PARAMETER.equals(name)) {
                if (code != null) {
                    throw new IllegalArgumentException("challengeCode given twice");
                }
                code = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } else if (WebhookSignatures.SIGNATURE_HEADER.equalsIgnoreCase(name.strip())) {
                signature = true;
            }
        }
        return new QueryParameters(code, signature);
    }
}
