package io.github.camelpreservica.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One component JSON file as camel-component-maven-plugin writes it into {@code src/generated/resources}: the
 * component's identity, its component options, its endpoint options and its message headers, in the plugin's
 * order.
 */
final class ComponentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path source;
    private final String scheme;
    private final String title;
    private final String syntax;
    private final String description;
    private final String firstVersion;
    private final String supportLevel;
    private final boolean consumerOnly;
    private final boolean producerOnly;
    private final List<Option> componentOptions;
    private final List<Option> endpointOptions;
    private final List<Option> headers;

    private ComponentJson(Path source, JsonNode root) {
        JsonNode component = root.get("component");
        this.source = source;
        this.scheme = component.path("scheme").asText();
        this.title = component.path("title").asText(scheme);
        this.syntax = component.path("syntax").asText(scheme);
        this.description = component.path("description").asText();
        this.firstVersion = component.path("firstVersion").asText();
        this.supportLevel = component.path("supportLevel").asText();
        this.consumerOnly = component.path("consumerOnly").asBoolean(false);
        this.producerOnly = component.path("producerOnly").asBoolean(false);
        this.componentOptions = options(root.path("componentProperties"));
        this.endpointOptions = options(root.path("properties"));
        this.headers = options(root.path("headers"));
    }

    /** Every component JSON under the given folder (other JSON files, such as dev consoles, are skipped). */
    static List<ComponentJson> findAll(Path generatedResources) {
        if (!Files.isDirectory(generatedResources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(generatedResources)) {
            List<ComponentJson> found = new ArrayList<>();
            files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(file -> read(file).ifPresent(found::add));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the component JSON files under " + generatedResources, e);
        }
    }

    /** The component described by the file, or empty when the file is some other JSON. */
    static Optional<ComponentJson> read(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            JsonNode component = root == null ? null : root.get("component");
            if (component == null || !"component".equals(component.path("kind").asText())) {
                return Optional.empty();
            }
            return Optional.of(new ComponentJson(file, root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read component JSON " + file, e);
        }
    }

    private static List<Option> options(JsonNode properties) {
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            options.add(Option.of(entry.getKey(), entry.getValue()));
        }
        return List.copyOf(options);
    }

    Path source() {
        return source;
    }

    String scheme() {
        return scheme;
    }

    String title() {
        return title;
    }

    String syntax() {
        return syntax;
    }

    String description() {
        return description;
    }

    String firstVersion() {
        return firstVersion;
    }

    String supportLevel() {
        return supportLevel;
    }

    boolean consumerOnly() {
        return consumerOnly;
    }

    boolean producerOnly() {
        return producerOnly;
    }

    List<Option> componentOptions() {
        return componentOptions;
    }

    List<Option> endpointOptions() {
        return endpointOptions;
    }

    List<Option> headers() {
        return headers;
    }

    /** One option or header, reduced to what the tables show. */
    record Option(
                  String name,
                  String kind,
                  String group,
                  String javaType,
                  String defaultValue,
                  String description,
                  boolean required,
                  boolean secret,
                  boolean deprecated,
                  List<String> enumValues,
                  String constantName) {

        static Option of(String name, JsonNode node) {
            List<String> enums = new ArrayList<>();
            node.path("enum").forEach(value -> enums.add(value.asText()));
            JsonNode defaultValue = node.get("defaultValue");
            return new Option(
                    name,
                    node.path("kind").asText(),
                    node.path("group").asText(),
                    node.path("javaType").asText(),
                    defaultValue == null || defaultValue.isNull() ? "" : defaultValue.asText(),
                    node.path("description").asText(),
                    node.path("required").asBoolean(false),
                    node.path("secret").asBoolean(false),
                    node.path("deprecated").asBoolean(false),
                    List.copyOf(enums),
                    node.path("constantName").asText(""));
        }

        boolean isPathParameter() {
            return "path".equals(kind);
        }
    }
}
