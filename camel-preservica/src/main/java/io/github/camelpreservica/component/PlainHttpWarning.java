package io.github.camelpreservica.component;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when Preservica is reached, or reaches us, over plain {@code http://} beyond this host: the password and
 * access tokens (to {@code server}) or the deliveries and their signatures (to {@code webhookExternalUrl}) then
 * cross the network readable by anyone on the way. Loopback is exempt (tests, a TLS-terminating sidecar).
 */
public final class PlainHttpWarning {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpWarning.class);

    private PlainHttpWarning() {
    }

    /** Whether a WARN was logged for the option's URL. */
    public static boolean warnIfPlainHttp(String option, String url, String endpoint) {
        if (url == null || !isPlainHttpBeyondLoopback(url)) {
            return false;
        }
        LOG.warn("The option '{}' of {} is plain http:// to a host that is not loopback ({}): what crosses the network "
                + "can be read and changed on the way; use https://", option, endpoint, URI.create(url).getHost());
        return true;
    }

    static boolean isPlainHttpBeyondLoopback(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || !"http".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return false;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        // only IP literals are judged by address: a name is never resolved here
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                return !InetAddress.getByName(literal).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return true;
            }
        }
        return true;
    }
}
