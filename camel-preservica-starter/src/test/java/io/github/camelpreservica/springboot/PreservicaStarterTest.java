package io.github.camelpreservica.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.component.preservica.PreservicaComponent;
import io.github.camelpreservica.component.webhook.PreservicaWebhookComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PreservicaStarterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    PreservicaComponentAutoConfiguration.class, PreservicaWebhookComponentAutoConfiguration.class));

    @Test
    void bindsApplicationPropertiesOntoTheComponent() {
        runner.withPropertyValues(
                "camel.component.preservica.server=http://127.0.0.1:9000",
                "camel.component.preservica.username=archivist",
                "camel.component.preservica.connect-timeout=5s")
                .run(context -> {
                    PreservicaComponent component = context.getBean(CamelContext.class)
                            .getComponent("preservica", PreservicaComponent.class);
                    assertThat(component.getConfiguration().getServer()).isEqualTo("http://127.0.0.1:9000");
                    assertThat(component.getConfiguration().getUsername()).isEqualTo("archivist");
                    assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(5000L);
                });
    }

    @Test
    void leavesTheComponentAloneWhenItsAutoConfigurationIsDisabled() {
        runner.withPropertyValues(
                "camel.component.preservica.enabled=false",
                "camel.component.preservica.server=http://127.0.0.1:9000")
                .run(context -> {
                    PreservicaComponent component = context.getBean(CamelContext.class)
                            .getComponent("preservica", PreservicaComponent.class);
                    assertThat(component.getConfiguration().getServer()).isNull();
                });
    }

    @Test
    void setsAnObjectOptionFromABeanReference() {
        runner.withBean("seenDeliveries", IdempotentRepository.class,
                () -> MemoryIdempotentRepository.memoryIdempotentRepository(10))
                .withPropertyValues("camel.component.preservica-webhook.idempotent-repository=#seenDeliveries",
                        "camel.component.preservica-webhook.trigger=INDEXED,MOVED")
                .run(context -> {
                    PreservicaWebhookComponent component = context.getBean(CamelContext.class)
                            .getComponent("preservica-webhook", PreservicaWebhookComponent.class);
                    assertThat(component.getConfiguration().getIdempotentRepository())
                            .isSameAs(context.getBean("seenDeliveries"));
                    assertThat(component.getConfiguration().getTrigger()).isEqualTo("INDEXED,MOVED");
                });
    }

    @Test
    void refusesAPlainValueForAnObjectOptionNamingTheOption() {
        runner.withPropertyValues("camel.component.preservica-webhook.idempotent-repository=seenDeliveries")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("camel.component.preservica-webhook")
                        .hasStackTraceContaining("takes a bean reference such as #myBean"));
    }

    @Test
    void metadataDescribesEveryOptionOfEveryComponent() throws IOException {
        JsonNode metadata = readJson("META-INF/spring-configuration-metadata.json");
        Set<String> described = new TreeSet<>();
        metadata.path("properties").forEach(property -> described.add(property.path("name").asText()));

        List<String> expected = new ArrayList<>();
        for (String scheme : List.of("preservica", "preservica-webhook")) {
            expected.add("camel.component." + scheme + ".enabled");
            componentJson(scheme).path("componentProperties").properties()
                    .forEach(option -> expected.add("camel.component." + scheme + "." + dashed(option.getKey())));
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(described).containsAll(expected);
    }

    @Test
    void metadataKeepsTheComponentsDescriptionsAndDefaults() throws IOException {
        JsonNode metadata = readJson("META-INF/spring-configuration-metadata.json");
        JsonNode server = find(metadata, "camel.component.preservica.server");
        assertThat(server.path("type").asText()).isEqualTo("java.lang.String");
        assertThat(server.path("description").asText())
                .isEqualTo(componentJson("preservica").path("componentProperties").path("server").path("description")
                        .asText());
        assertThat(find(metadata, "camel.component.preservica.autowired-enabled").path("defaultValue").asBoolean())
                .isTrue();
    }

    private static JsonNode find(JsonNode metadata, String name) {
        for (JsonNode property : metadata.path("properties")) {
            if (property.path("name").asText().equals(name)) {
                return property;
            }
        }
        throw new AssertionError(name + " is not in the Spring configuration metadata");
    }

    private static JsonNode componentJson(String scheme) throws IOException {
        Properties service = new Properties();
        try (InputStream in = resource("META-INF/services/org/apache/camel/component/" + scheme)) {
            service.load(in);
        }
        String componentClass = service.getProperty("class");
        String packagePath = componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/');
        return readJson("META-INF/" + packagePath + "/" + scheme + ".json");
    }

    private static JsonNode readJson(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return MAPPER.readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PreservicaStarterTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static String dashed(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
