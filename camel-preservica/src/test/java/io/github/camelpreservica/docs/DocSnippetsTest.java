package io.github.camelpreservica.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocSnippetsTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheYamlAndXmlRoutesOfAnAsciidocPageButNotItsDependencySnippet() throws IOException {
        Path page = write("sample-component.adoc", """
                [source,xml]
                ----
                <dependency><artifactId>camel-preservica</artifactId></dependency>
                ----

                YAML::
                +
                [source,yaml]
                ----
                - route:
                    from:
                      uri: preservica-webhook:events
                ----

                XML::
                +
                [source,xml]
                ----
                <route>
                    <from uri="preservica-webhook:events"/>
                </route>
                ----
                """);

        List<DocSnippets.Snippet> snippets = DocSnippets.routesIn(page);

        assertEquals(List.of("yaml", "xml"), snippets.stream().map(DocSnippets.Snippet::language).toList());
        assertEquals("- route:\n    from:\n      uri: preservica-webhook:events\n", snippets.get(0).text());
        assertEquals(10, snippets.get(0).line());
    }

    @Test
    void findsTheYamlRoutesOfAMarkdownPageButNotItsProperties() throws IOException {
        Path page = write("README.md", """
                ```properties
                camel.server.enabled=true
                ```

                ```yaml
                - route:
                    from:
                      uri: preservica-webhook:events
                ```
                """);

        List<DocSnippets.Snippet> snippets = DocSnippets.routesIn(page);

        assertEquals(1, snippets.size());
        assertEquals("yaml", snippets.get(0).language());
        assertEquals(6, snippets.get(0).line());
    }

    private Path write(String name, String text) throws IOException {
        Path page = tmp.resolve(name);
        Files.writeString(page, text);
        return page;
    }
}
