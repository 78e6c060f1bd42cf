package io.github.camelpreservica.component.webhook;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.client.PreservicaClient;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options set once on the component, overridden per endpoint, secrets kept out of sight, clients shared. */
class PreservicaWebhookComponentTest {

    private final CamelContext context = new DefaultCamelContext();
    private PreservicaWebhookComponent component;

    @BeforeEach
    void setUp() {
        component = context.getComponent("preservica-webhook", PreservicaWebhookComponent.class);
        component.setCredentialResolver(WebhookTestSupport.isolatedCredentials());
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
    }

    @Test
    void endpointsStartFromTheComponentsOptions() {
        component.getConfiguration().setServer("eu.preservica.com");
        component.getConfiguration().setTenant("BRAMA");
        component.getConfiguration().setSplitEvents(false);

        PreservicaWebhookEndpoint endpoint = endpoint("preservica-webhook:indexed?trigger=INDEXED");

        assertThat(endpoint.getName()).isEqualTo("indexed");
        assertThat(endpoint.getConfiguration().getServer()).isEqualTo("eu.preservica.com");
        assertThat(endpoint.getConfiguration().getTenant()).isEqualTo("BRAMA");
        assertThat(endpoint.getConfiguration().isSplitEvents()).isFalse();
        assertThat(endpoint.getConfiguration().getTrigger()).isEqualTo("INDEXED");
    }

    @Test
    void anEndpointOptionOverridesTheComponentForThatEndpointOnly() {
        component.getConfiguration().setTenant("BRAMA");

        PreservicaWebhookEndpoint other = endpoint("preservica-webhook:other?tenant=OTHER");
        PreservicaWebhookEndpoint plain = endpoint("preservica-webhook:plain");

        assertThat(other.getConfiguration().getTenant()).isEqualTo("OTHER");
        assertThat(plain.getConfiguration().getTenant()).isEqualTo("BRAMA");
        assertThat(component.getConfiguration().getTenant()).isEqualTo("BRAMA");
    }

    @Test
    void readsDurationsWrittenWithUnits() {
        PreservicaWebhookEndpoint endpoint = endpoint("preservica-webhook:x?readTimeout=45s&shutdownTimeout=1m");

        assertThat(endpoint.getConfiguration().getReadTimeout()).isEqualTo(45_000);
        assertThat(endpoint.getConfiguration().getShutdownTimeout()).isEqualTo(60_000);
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> endpoint("preservica-webhook:x?trigers=INDEXED"))
                .hasStackTraceContaining("trigers");
    }

    @Test
    void refusesAnEndpointWithoutAName() {
        assertThatThrownBy(() -> endpoint("preservica-webhook:?subscribe=false"))
                .hasStackTraceContaining("needs a name");
    }

    @Test
    void masksSecretsInTheEndpointAsLogged() {
        PreservicaWebhookEndpoint endpoint = endpoint("preservica-webhook:x?password=pw-value&secret=secret-value"
                + "&twoFactorSeed=SEEDVALUE&username=admin");

        assertThat(endpoint.toString()).doesNotContain("pw-value", "secret-value", "SEEDVALUE");
    }

    @Test
    void sharesOneClientBetweenEndpointsWithTheSameConnection() {
        PreservicaWebhookConfiguration first = connection("admin");
        PreservicaWebhookConfiguration second = connection("admin");
        second.setTrigger("MOVED");

        PreservicaClient client = component.clientFor(first);

        assertThat(component.clientFor(second)).isSameAs(client);
        assertThat(component.clientFor(connection("someone-else"))).isNotSameAs(client);
    }

    @Test
    void namesTheMissingPasswordAndWhereToSetIt() {
        PreservicaWebhookConfiguration config = connection("admin");
        config.setPassword(null);

        assertThatThrownBy(() -> component.clientFor(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password").hasMessageContaining("PRESERVICA_PASSWORD");
    }

    @Test
    void takesTheSecretFromTheEnvironmentWhenTheOptionIsUnset() {
        component.setCredentialResolver(new CredentialResolver(Map.of("PRESERVICA_WEBHOOK_SECRET", "from-env"),
                Path.of("target", "no-such-dir", "credentials.properties")));

        assertThat(component.resolveSecret(new PreservicaWebhookConfiguration())).isEqualTo("from-env");
    }

    @Test
    void prefersTheSecretOptionToTheEnvironment() {
        component.setCredentialResolver(new CredentialResolver(Map.of("PRESERVICA_WEBHOOK_SECRET", "from-env"),
                Path.of("target", "no-such-dir", "credentials.properties")));
        PreservicaWebhookConfiguration config = new PreservicaWebhookConfiguration();
        config.setSecret("from-option");

        assertThat(component.resolveSecret(config)).isEqualTo("from-option");
    }

    @Test
    void namesTheSecretOptionAndVariableWithoutShowingAnyValue() {
        assertThatThrownBy(() -> component.resolveSecret(new PreservicaWebhookConfiguration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'secret'").hasMessageContaining("PRESERVICA_WEBHOOK_SECRET")
                .hasMessageContaining("secret.key");
    }

    private PreservicaWebhookEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, PreservicaWebhookEndpoint.class);
    }

    private static PreservicaWebhookConfiguration connection(String username) {
        PreservicaWebhookConfiguration config = new PreservicaWebhookConfiguration();
        config.setServer("http://127.0.0.1:9");
        config.setUsername(username);
        config.setPassword("pw");
        config.setTenant("TEST");
        return config;
    }
}
