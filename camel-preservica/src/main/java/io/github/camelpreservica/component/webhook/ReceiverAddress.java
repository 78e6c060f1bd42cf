package io.github.camelpreservica.component.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.util.ObjectHelper;

/**
 * Works out where a consumer receives deliveries: the local path on the platform-http server, and the URL
 * Preservica is told to call. Explicit options win; the defaults are documented on
 * {@link PreservicaWebhookConfiguration#setWebhookExternalUrl(String)} and
 * {@link PreservicaWebhookConfiguration#setWebhookPath(String)}.
 */
final class ReceiverAddress {

    static final String DEFAULT_PATH_PREFIX = "/preservica/";

    private ReceiverAddress() {
    }

    /** The local path, always starting with a slash. */
    static String localPath(PreservicaWebhookConfiguration config, String endpointName) {
        String path = config.getWebhookPath();
        if (ObjectHelper.isEmpty(path) && ObjectHelper.isNotEmpty(config.getWebhookExternalUrl())) {
            path = parseExternalUrl(config.getWebhookExternalUrl()).getRawPath();
        }
        if (ObjectHelper.isEmpty(path)) {
            path = DEFAULT_PATH_PREFIX + endpointName;
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * The URL given to Preservica. Call after the platform-http consumer started, so that the server's actual port
     * is known.
     *
     * @throws IllegalArgumentException when no port can be found, asking for webhookExternalUrl
     */
    static String externalUrl(CamelContext context, PreservicaWebhookConfiguration config, String localPath) {
        if (ObjectHelper.isNotEmpty(config.getWebhookExternalUrl())) {
            return parseExternalUrl(config.getWebhookExternalUrl()).toString();
        }
        RestConfiguration rest = context.getRestConfiguration();
        String host = rest != null && ObjectHelper.isNotEmpty(rest.getHost()) ? rest.getHost() : "localhost";
        int port = rest != null && rest.getPort() > 0 ? rest.getPort() : platformHttpPort(context).orElse(0);
        if (port <= 0) {
            throw new IllegalArgumentException("Cannot tell which URL Preservica should call for path " + localPath
                    + ": no HTTP server port is known. Set the option webhookExternalUrl "
                    + "(e.g. https://my-host.example.org" + localPath + ")");
        }
        return "http://" + host + ":" + port + localPath;
    }

    private static Optional<Integer> platformHttpPort(CamelContext context) {
        PlatformHttpComponent component = context.getComponent("platform-http", PlatformHttpComponent.class);
        PlatformHttpEngine engine = component == null ? null : component.getEngine();
        if (engine != null && engine.getServerPort() > 0) {
            return Optional.of(engine.getServerPort());
        }
        return context.getPropertiesComponent().resolveProperty("camel.server.port")
                .map(String::trim)
                .filter(s -> s.matches("[0-9]{1,5}"))
                .map(Integer::valueOf)
                .filter(p -> p > 0);
    }

    private static URI parseExternalUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("Invalid webhookExternalUrl '" + url
                        + "': expected an http or https URL with a host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                // Preservica appends ?challengeCode=... itself
                throw new IllegalArgumentException("Invalid webhookExternalUrl '" + url
                        + "': it must not have a query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid webhookExternalUrl '" + url + "': " + e.getMessage(), e);
        }
    }
}
