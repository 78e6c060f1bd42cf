package io.github.camelpreservica.component.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiverAddressTest {

    private final CamelContext context = new DefaultCamelContext();
    private final PreservicaWebhookConfiguration config = new PreservicaWebhookConfiguration();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void defaultsThePathFromTheEndpointName() {
        assertThat(ReceiverAddress.localPath(config, "indexed")).isEqualTo("/preservica/indexed");
    }

    @Test
    void takesThePathFromTheExternalUrlWhenOnlyThatIsSet() {
        config.setWebhookExternalUrl("https://gateway.example.org/hooks/indexed");

        assertThat(ReceiverAddress.localPath(config, "indexed")).isEqualTo("/hooks/indexed");
        assertThat(ReceiverAddress.externalUrl(context, config, "/hooks/indexed"))
                .isEqualTo("https://gateway.example.org/hooks/indexed");
    }

    @Test
    void prefersAnExplicitPathToThePathOfTheExternalUrl() {
        config.setWebhookExternalUrl("https://gateway.example.org/public/indexed");
        config.setWebhookPath("internal/indexed");

        assertThat(ReceiverAddress.localPath(config, "indexed")).isEqualTo("/internal/indexed");
    }

    @Test
    void buildsTheExternalUrlFromTheRestConfigurationHostAndPort() {
        context.getRestConfiguration().setHost("receiver.example.org");
        context.getRestConfiguration().setPort(8443);

        assertThat(ReceiverAddress.externalUrl(context, config, "/preservica/indexed"))
                .isEqualTo("http://receiver.example.org:8443/preservica/indexed");
    }

    @Test
    void buildsTheExternalUrlFromCamelServerPortWithLocalhost() {
        context.getPropertiesComponent().addInitialProperty("camel.server.port", "8081");

        assertThat(ReceiverAddress.externalUrl(context, config, "/preservica/indexed"))
                .isEqualTo("http://localhost:8081/preservica/indexed");
    }

    @Test
    void asksForWebhookExternalUrlWhenNoPortIsKnown() {
        assertThatThrownBy(() -> ReceiverAddress.externalUrl(context, config, "/preservica/indexed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhookExternalUrl");
    }

    @Test
    void refusesAnExternalUrlWithAQueryBecausePreservicaAddsItsOwn() {
        config.setWebhookExternalUrl("https://gateway.example.org/hooks?token=1");

        assertThatThrownBy(() -> ReceiverAddress.externalUrl(context, config, "/hooks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
    }

    @Test
    void refusesAnExternalUrlThatIsNotHttp() {
        config.setWebhookExternalUrl("ftp://gateway.example.org/hooks");

        assertThatThrownBy(() -> ReceiverAddress.localPath(config, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
    }
}
