package io.github.camelpreservica.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelpreservica.client.CredentialKey;
import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.component.preservica.PreservicaEndpoint;
import io.github.camelpreservica.component.webhook.PreservicaWebhookEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One client per connection and context, shared by every endpoint that uses that connection. */
class PreservicaClientsTest extends CamelTestSupport {

    private static final String SERVER = "http://127.0.0.1:9";

    @Test
    void endpointsWithTheSameConnectionShareOneClient() {
        PreservicaEndpoint asset = context.getEndpoint(
                "preservica:asset?server=" + SERVER + "&username=u&password=p", PreservicaEndpoint.class);
        PreservicaEndpoint thumbnail = context.getEndpoint(
                "preservica:thumbnail?size=small&server=" + SERVER + "&username=u&password=p",
                PreservicaEndpoint.class);

        assertThat(asset.client()).isSameAs(thumbnail.client());
    }

    @Test
    void theWebhookComponentSharesTheClientOfTheSameConnection() {
        PreservicaEndpoint asset = context.getEndpoint(
                "preservica:asset?server=" + SERVER + "&username=u&password=p", PreservicaEndpoint.class);
        PreservicaWebhookEndpoint admin = context.getEndpoint(
                "preservica-webhook:admin?operation=subscriptions&server=" + SERVER + "&username=u&password=p",
                PreservicaWebhookEndpoint.class);

        assertThat(admin.getComponent().clientFor(admin.getConfiguration())).isSameAs(asset.client());
    }

    @Test
    void anotherUserGetsAnotherClient() {
        PreservicaEndpoint first = context.getEndpoint(
                "preservica:asset?server=" + SERVER + "&username=u&password=p", PreservicaEndpoint.class);
        PreservicaEndpoint second = context.getEndpoint(
                "preservica:asset?server=" + SERVER + "&username=v&password=p", PreservicaEndpoint.class);

        assertThat(first.client()).isNotSameAs(second.client());
    }

    @Test
    void aResolverGivenExplicitlyFillsInTheUnsetValues() {
        CredentialResolver resolver = new CredentialResolver(
                Map.of(CredentialKey.PASSWORD.environmentVariable(), "from-resolver"),
                Path.of("target", "no-such-dir", "credentials.properties"));
        PreservicaClients.Connection withoutPassword = new PreservicaClients.Connection(SERVER, "u", null, null, null,
                Duration.ofSeconds(1), Duration.ofSeconds(2));

        PreservicaClient client = PreservicaClients.of(context).clientFor(withoutPassword, resolver);

        assertThat(client.config().username()).isEqualTo("u");
        assertThat(PreservicaClients.of(context).clientFor(withoutPassword, resolver)).isSameAs(client);
    }

    @Test
    void oneInstancePerContext() {
        assertThat(PreservicaClients.of(context)).isSameAs(PreservicaClients.of(context));
    }

    @Test
    void connectionToStringHidesPasswordAndSeed() {
        PreservicaClients.Connection connection = new PreservicaClients.Connection(SERVER, "u", "hunter2", "T",
                "JBSWY3DPEHPK3PXP", Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(connection.toString()).doesNotContain("hunter2").doesNotContain("JBSWY3DPEHPK3PXP")
                .contains(SERVER).contains("username=u");
    }

    @Test
    void missingPasswordFailsTheRouteStartSayingWhereToSetIt() {
        assumeTrue(System.getenv(CredentialKey.PASSWORD.environmentVariable()) == null,
                "PRESERVICA_PASSWORD is set in this environment");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("preservica:asset?server=" + SERVER + "&username=u");
            }
        })).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password").hasMessageContaining("PRESERVICA_PASSWORD");
    }
}
