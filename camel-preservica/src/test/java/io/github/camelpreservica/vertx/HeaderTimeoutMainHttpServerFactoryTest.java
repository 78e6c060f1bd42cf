package io.github.camelpreservica.vertx;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Camel Main factory makes of {@code camel.server.*}; the server itself runs in the webhook tests. */
class HeaderTimeoutMainHttpServerFactoryTest {

    private final MainConfigurationProperties main = new MainConfigurationProperties();

    @Test
    void makesAServerWithTheTimeoutsAndTheServerProperties() throws Exception {
        HttpServerConfigurationProperties properties = main.httpServer();
        properties.setHost("127.0.0.1");
        properties.setPort(9123);
        properties.setPath("/hooks");
        properties.setMaxBodySize(4096L);
        HeaderTimeoutMainHttpServerFactory factory = new HeaderTimeoutMainHttpServerFactory();
        factory.setRequestHeaderTimeout(5_000);
        factory.setKeepAliveTimeout(7_000);
        try (CamelContext context = new DefaultCamelContext()) {
            Service service = factory.newHttpServer(context, properties);

            assertThat(service).isInstanceOf(HeaderTimeoutVertxPlatformHttpServer.class);
            HeaderTimeoutVertxPlatformHttpServer server = (HeaderTimeoutVertxPlatformHttpServer) service;
            assertThat(server.getCamelContext()).isSameAs(context);
            assertThat(server.getHost()).isEqualTo("127.0.0.1");
            assertThat(server.getConfigurationPort()).isEqualTo(9123);
            assertThat(server.getPath()).isEqualTo("/hooks");
            assertThat(server.getMaxBodySize()).isEqualTo(4096L);
            assertThat(server.getRequestHeaderTimeout()).isEqualTo(5_000);
            assertThat(server.getKeepAliveTimeout()).isEqualTo(7_000);
        }
    }

    @Test
    void refusesStaticContentNamingTheProperty() {
        HttpServerConfigurationProperties properties = main.httpServer();
        properties.setStaticEnabled(true);
        assertThatThrownBy(() -> new HeaderTimeoutMainHttpServerFactory().newHttpServer(new DefaultCamelContext(),
                properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("camel.server.staticEnabled=true is not supported");
    }

    @Test
    void refusesAuthenticationNamingTheProperty() {
        HttpServerConfigurationProperties properties = main.httpServer();
        properties.setAuthenticationEnabled(true);
        assertThatThrownBy(() -> new HeaderTimeoutMainHttpServerFactory().newHttpServer(new DefaultCamelContext(),
                properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("camel.server.authenticationEnabled=true is not supported");
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        HeaderTimeoutMainHttpServerFactory factory = new HeaderTimeoutMainHttpServerFactory();
        assertThatThrownBy(() -> factory.setRequestHeaderTimeout(0))
                .hasMessage("requestHeaderTimeout must be a positive number of milliseconds, was 0");
        assertThatThrownBy(() -> factory.setKeepAliveTimeout(-1))
                .hasMessage("keepAliveTimeout must be a positive number of milliseconds, was -1");
    }

    @Test
    void leavesTheManagementServerToCamel() throws Exception {
        HttpManagementServerConfigurationProperties properties = main.httpManagementServer();
        try (CamelContext context = new DefaultCamelContext()) {
            Service service = new HeaderTimeoutMainHttpServerFactory().newHttpManagementServer(context, properties);
            assertThat(service.getClass().getName())
                    .isEqualTo("org.apache.camel.component.platform.http.main.ManagementHttpServer");
        }
    }
}
