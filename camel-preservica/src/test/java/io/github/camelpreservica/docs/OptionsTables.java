package io.github.camelpreservica.docs;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelpreservica.docs.ComponentJson.Option;

/**
 * Renders the AsciiDoc tables of a component page from its component JSON: component options, endpoint options
 * (path and query parameters) and message headers. Columns follow Camel's own pages: name (with its group),
 * description, default, type. The output depends only on the JSON, so a page can be compared with it text for
 * text.
 */
final class OptionsTables {

    private static final String TABLE_HEADER = """
            [width="100%",cols="2,5,^1,2",options="header"]
            |===
            | Name | Description | Default | Type
            """;
    private static final String TABLE_FOOTER = "|===\n";

    private OptionsTables() {
    }

    static String componentOptions(ComponentJson component) {
        List<Option> options = component.componentOptions();
        if (options.isEmpty()) {
            return "The " + component.title() + " component has no component options.\n";
        }
        return "The " + component.title() + " component supports " + count(options.size(), "option")
                + ", which are listed below. Set them once for every endpoint, for instance as `camel.component."
                + component.scheme() + ".<name>` in `application.properties`.\n\n"
                + table(options, OptionsTables::optionName);
    }

    static String endpointOptions(ComponentJson component) {
        List<Option> path = component.endpointOptions().stream().filter(Option::isPathParameter).toList();
        List<Option> query = component.endpointOptions().stream().filter(option -> !option.isPathParameter()).toList();
        StringBuilder out = new StringBuilder();
        out.append("The ").append(component.title()).append(" endpoint is configured using URI syntax:\n\n")
                .append("----\n").append(component.syntax()).append("\n----\n\n")
                .append("with the following path and query parameters.\n\n");
        out.append(".Path parameters (").append(path.size()).append(")\n");
        out.append(path.isEmpty() ? "This endpoint has no path parameters.\n" : table(path, OptionsTables::optionName));
        out.append("\n.Query parameters (").append(query.size()).append(")\n");
        out.append(
                query.isEmpty() ? "This endpoint has no query parameters.\n" : table(query, OptionsTables::optionName));
        return out.toString();
    }

    static String headers(ComponentJson component) {
        List<Option> headers = component.headers();
        if (headers.isEmpty()) {
            return "The " + component.title() + " component sets and reads no message headers.\n";
        }
        return "The " + component.title() + " component supports " + count(headers.size(), "message header")
                + ", which are listed below.\n\n"
                + table(headers, OptionsTables::headerName);
    }

    private static String table(List<Option> options, java.util.function.Function<Option, String> nameCell) {
        return TABLE_HEADER
                + options.stream()
                        .map(option -> "| " + nameCell.apply(option)
                                + " | " + description(option)
                                + " | " + defaultValue(option)
                                + " | " + cell(shortType(option.javaType())) + "\n")
                        .collect(Collectors.joining())
                + TABLE_FOOTER;
    }

    private static String optionName(Option option) {
        return "*" + cell(option.name()) + "* (" + group(option) + ")";
    }

    /** Camel's group "consumer (advanced)" reads better inside the name cell's parentheses as "consumer, advanced". */
    private static String group(Option option) {
        return cell(option.group()).replace(" (advanced)", ", advanced");
    }

    private static String headerName(Option header) {
        String constant = header.constantName();
        int hash = constant.lastIndexOf('#');
        String name = "*" + cell(header.name()) + "* (" + group(header) + ")";
        return hash < 0 ? name : name + " +\nConstant: `" + cell(constant.substring(hash + 1)) + "`";
    }

    private static String description(Option option) {
        StringBuilder text = new StringBuilder();
        if (option.deprecated()) {
            text.append("*Deprecated* ");
        }
        if (option.required()) {
            text.append("*Required* ");
        }
        text.append(cell(option.description()));
        if (!option.enumValues().isEmpty()) {
            text.append(" Possible values: ")
                    .append(option.enumValues().stream().map(value -> "`" + cell(value) + "`")
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (option.secret()) {
            text.append(" *Secret:* Camel masks this value wherever it logs an endpoint URI.");
        }
        return text.toString();
    }

    private static String defaultValue(Option option) {
        return option.defaultValue().isEmpty() ? "" : "`" + cell(option.defaultValue()) + "`";
    }

    /** {@code java.util.List<java.lang.String>} reads as {@code List<String>}, as on Camel's pages. */
    static String shortType(String javaType) {
        return javaType.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Za-z_$])", "$1").replace('$', '.');
    }

    /** Table cells end at a bar and the table at a line break, so neither may leak in from a description. */
    static String cell(String text) {
        return text.replace("\r", "").replace('\n', ' ').replace("|", "\\|").strip();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
