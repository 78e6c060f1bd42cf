package io.github.camelpreservica.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document attributes at the top of a component page that Camel derives from the component JSON
 * ({@code :description:}, {@code :since:}, {@code :supportlevel:}, {@code :component-header:}); the other attributes
 * are written by hand.
 */
final class PageAttributes {

    private PageAttributes() {
    }

    /** The generated attributes, by name, in page order. */
    static Map<String, String> of(ComponentJson component) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("description", component.description().replace('\n', ' ').strip());
        attributes.put("since", since(component.firstVersion()));
        attributes.put("supportlevel", component.supportLevel());
        attributes.put("component-header", componentHeader(component));
        return attributes;
    }

    /** The value of the attribute line {@code :name: value}, or null when the page has none. */
    static String valueIn(String page, String name) {
        Matcher line = line(name).matcher(page);
        return line.find() ? line.group(1).strip() : null;
    }

    /** The page with the attribute line set to {@code value}; the page must already have the line. */
    static String replaceIn(String page, String name, String value) {
        Matcher line = line(name).matcher(page);
        if (!line.find()) {
            throw new IllegalArgumentException("the attribute line ':" + name + ":' is missing");
        }
        return page.substring(0, line.start()) + ":" + name + ": " + value + page.substring(line.end());
    }

    /** Camel writes the version a component appeared in as major.minor: 1.0.0 reads 1.0. */
    static String since(String firstVersion) {
        String[] parts = firstVersion.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : firstVersion;
    }

    private static String componentHeader(ComponentJson component) {
        if (component.consumerOnly()) {
            return "Only consumer is supported";
        }
        if (component.producerOnly()) {
            return "Only producer is supported";
        }
        return "Both producer and consumer are supported";
    }

    private static Pattern line(String name) {
        return Pattern.compile("^:" + Pattern.quote(name) + ":(.*)$", Pattern.MULTILINE);
    }
}
