package io.github.camelpreservica.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The route examples of the documentation: the YAML and XML DSL blocks of the component pages (AsciiDoc
 * {@code [source,yaml]} and {@code [source,xml]} blocks holding a route) and the YAML routes of the Markdown pages
 * ({@code ```yaml} fences holding a route).
 */
final class DocSnippets {

    /** One example, with where it is written so that a failure points at it. */
    record Snippet(Path page, int line, String language, String text) {
        @Override
        public String toString() {
            return page.getFileName() + ":" + line + " (" + language + ")";
        }
    }

    private DocSnippets() {
    }

    static List<Snippet> routesIn(Path page) {
        List<String> lines = readLines(page);
        List<Snippet> snippets = new ArrayList<>();
        boolean asciidoc = page.getFileName().toString().endsWith(".adoc");
        for (int i = 0; i < lines.size(); i++) {
            String language = asciidoc ? asciidocLanguage(lines.get(i)) : markdownLanguage(lines.get(i));
            if (language == null) {
                continue;
            }
            int first = asciidoc ? i + 2 : i + 1;
            if (asciidoc && (first > lines.size() || !lines.get(i + 1).equals("----"))) {
                continue;
            }
            String closing = asciidoc ? "----" : "```";
            StringBuilder text = new StringBuilder();
            int j = first;
            while (j < lines.size() && !lines.get(j).equals(closing)) {
                text.append(lines.get(j)).append('\n');
                j++;
            }
            if (isRoute(language, text.toString())) {
                snippets.add(new Snippet(page, first + 1, language, text.toString()));
            }
            i = j;
        }
        return snippets;
    }

    private static String asciidocLanguage(String line) {
        return switch (line.strip()) {
            case "[source,yaml]" -> "yaml";
            case "[source,xml]" -> "xml";
            default -> null;
        };
    }

    private static String markdownLanguage(String line) {
        return switch (line.strip()) {
            case "```yaml" -> "yaml";
            case "```xml" -> "xml";
            default -> null;
        };
    }

    /** Dependency snippets and configuration files are XML and YAML too, but not routes. */
    private static boolean isRoute(String language, String text) {
        return "yaml".equals(language)
                ? text.contains("- route:")
                : text.contains("<route>") || text.contains("<route ");
    }

    private static List<String> readLines(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + page, e);
        }
    }
}
