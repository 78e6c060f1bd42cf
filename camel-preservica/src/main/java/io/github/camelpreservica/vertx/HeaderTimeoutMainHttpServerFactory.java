package io.github.camelpreservica.vertx;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;

/**
 * Makes Camel Main's embedded HTTP server ({@code camel.server.enabled=true}) a
 * {@link HeaderTimeoutVertxPlatformHttpServer}, which closes connections whose request head does not arrive in time.
 * Camel Main uses a {@code MainHttpServerFactory} found in the registry, so two lines of configuration switch it on:
 *
 * <pre>
 * camel.beans.httpServerFactory = #class:io.github.camelpreservica.vertx.HeaderTimeoutMainHttpServerFactory
 * camel.beans.httpServerFactory.requestHeaderTimeout = 20000
 * camel.beans.httpServerFactory.keepAliveTimeout = 60000
 * </pre>
 *
 * The server takes {@code camel.server.host}, {@code port}, {@code path}, {@code maxBodySize},
 * {@code useGlobalSslContextParameters} and the file upload settings. It serves routes only: static content and
 * authentication ({@code camel.server.staticEnabled}, {@code camel.server.authenticationEnabled}) are refused at
 * start rather than silently dropped. The management server ({@code camel.management.*}) is Camel's own.
 */
public class HeaderTimeoutMainHttpServerFactory implements MainHttpServerFactory, CamelContextAware {

    private CamelContext camelContext;
    private long requestHeaderTimeout = HeaderTimeoutVertxPlatformHttpServer.DEFAULT_REQUEST_HEADER_TIMEOUT;
    private long keepAliveTimeout = HeaderTimeoutVertxPlatformHttpServer.DEFAULT_KEEP_ALIVE_TIMEOUT;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public long getRequestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    /** Milliseconds a new connection may take to send a complete request head (default 20000). */
    public void setRequestHeaderTimeout(long requestHeaderTimeout) {
        this.requestHeaderTimeout = HeaderTimeoutVertxPlatformHttpServer.positive(requestHeaderTimeout,
                "requestHeaderTimeout");
    }

    public long getKeepAliveTimeout() {
        return keepAliveTimeout;
    }

    /**
     * Milliseconds a keep-alive connection may take, after a response, to send the complete head of its next request
     * (default 60000).
     */
    public void setKeepAliveTimeout(long keepAliveTimeout) {
        this.keepAliveTimeout = HeaderTimeoutVertxPlatformHttpServer.positive(keepAliveTimeout, "keepAliveTimeout");
    }

    @Override
    public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties properties) {
        refuse(properties.isStaticEnabled(), "camel.server.staticEnabled");
        refuse(properties.isAuthenticationEnabled(), "camel.server.authenticationEnabled");
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(properties.getHost());
        configuration.setBindPort(properties.getPort());
        configuration.setPath(properties.getPath());
        configuration.setMaxBodySize(properties.getMaxBodySize());
        configuration.setUseGlobalSslContextParameters(properties.isUseGlobalSslContextParameters());
        configuration.getBodyHandler().setHandleFileUploads(properties.isFileUploadEnabled());
        if (properties.getFileUploadDirectory() != null) {
            configuration.getBodyHandler().setUploadsDirectory(properties.getFileUploadDirectory());
        }
        configuration.setServerType("HTTP Server");
        HeaderTimeoutVertxPlatformHttpServer server = new HeaderTimeoutVertxPlatformHttpServer(configuration,
                requestHeaderTimeout, keepAliveTimeout);
        server.setCamelContext(context);
        return server;
    }

    /** Camel's own management server, from camel-platform-http-main, as without this factory. */
    @Override
    public Service newHttpManagementServer(
                                           CamelContext context,
                                           HttpManagementServerConfigurationProperties properties) {
        MainHttpServerFactory camels = context.getCamelContextExtension().getBootstrapFactoryFinder()
                .newInstance("platform-http-server", MainHttpServerFactory.class)
                .orElseThrow(() -> new IllegalArgumentException(
                        "camel.management.enabled needs camel-platform-http-main on the classpath"));
        CamelContextAware.trySetCamelContext(camels, context);
        return camels.newHttpManagementServer(context, properties);
    }

    private static void refuse(boolean enabled, String property) {
        if (enabled) {
            throw new IllegalArgumentException(property + "=true is not supported by "
                    + HeaderTimeoutMainHttpServerFactory.class.getSimpleName()
                    + ", which serves routes only: remove the property, or this factory");
        }
    }
}
