package io.github.camelpreservica.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentPagesTest {

    static final String SAMPLE_JSON = """
            {
              "component": { "kind": "component", "name": "sample", "title": "Sample", "scheme": "sample",
                             "syntax": "sample:path", "description": "Receive samples.", "firstVersion": "1.2.0",
                             "supportLevel": "Preview", "consumerOnly": true, "producerOnly": false },
              "componentProperties": {
                "password": { "index": 0, "kind": "property", "group": "security", "required": false,
                              "type": "string", "javaType": "java.lang.String", "secret": true,
                              "description": "The password." }
              },
              "headers": {
                "CamelSampleRef": { "index": 0, "kind": "header", "group": "consumer", "javaType": "String",
                                    "description": "The reference.",
                                    "constantName": "org.example.SampleConstants#REF" }
              },
              "properties": {
                "path": { "index": 0, "kind": "path", "group": "consumer", "required": true, "type": "string",
                          "javaType": "java.lang.String", "description": "The local path." },
                "maxBodySize": { "index": 1, "kind": "parameter", "group": "consumer", "type": "integer",
                                 "javaType": "int", "defaultValue": 1048576, "description": "Largest body." }
              }
            }
            """;

    static final String HAND_WRITTEN_PAGE = """
            = Sample Component
            :doctitle: Sample
            :description: stale
            :since: stale
            :supportlevel: stale
            :component-header: stale

            Written by hand.

            // component options: START
            %s// component options: END

            Between the regions, by hand.

            // endpoint options: START
            %s// endpoint options: END

            // component headers: START
            %s// component headers: END

            The end, by hand.
            """;

    @TempDir
    Path tmp;

    Path generated;
    Path docs;
    ComponentPages pages;

    @BeforeEach
    void folders() throws IOException {
        generated = Files.createDirectories(tmp.resolve("src/generated/resources/META-INF/org/example"));
        docs = Files.createDirectories(tmp.resolve("docs"));
        pages = new ComponentPages(tmp.resolve("src/generated/resources"), docs);
    }

    @Test
    void acceptsPageWhoseRegionsWereGeneratedFromItsJson() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "stale\n", "stale\n", "stale\n");

        assertEquals(List.of(docs.resolve("sample-component.adoc")), pages.update());
        assertEquals(List.of(), pages.problems());
    }

    @Test
    void updateKeepsEveryHandWrittenLine() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "stale\n", "stale\n", "stale\n");

        pages.update();

        String page = read("sample-component.adoc");
        for (String line : List.of("= Sample Component", "Written by hand.", "Between the regions, by hand.",
                "The end, by hand.")) {
            assertTrue(page.contains(line + "\n"), () -> "lost the line '" + line + "':\n" + page);
        }
        assertTrue(!page.contains("stale"), page);
    }

    @Test
    void reportsPageWhoseTableDisagreesWithItsJson() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "", "", "");
        pages.update();
        writeJson(SAMPLE_JSON.replace("The password.", "The user's password."));

        List<String> problems = pages.problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("sample-component.adoc is out of date with the component JSON"),
                problems::toString);
        assertTrue(problems.get(0).contains("region 'component options'"), problems::toString);
        assertTrue(problems.get(0).contains(ComponentPages.REGENERATE_COMMAND), problems::toString);
    }

    @Test
    void reportsPageWhoseRegionWasEditedByHand() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "", "", "");
        pages.update();
        Path page = docs.resolve("sample-component.adoc");
        Files.writeString(page, read("sample-component.adoc").replace("Largest body.", "Largest body, edited."));

        List<String> problems = pages.problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("region 'endpoint options'"), problems::toString);
    }

    @Test
    void updateSetsTheAttributesCamelDerivesFromTheJson() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "", "", "");

        pages.update();

        String page = read("sample-component.adoc");
        assertTrue(page.contains("""
                :doctitle: Sample
                :description: Receive samples.
                :since: 1.2
                :supportlevel: Preview
                :component-header: Only consumer is supported
                """), page);
    }

    @Test
    void reportsPageWhoseDescriptionAttributeDisagreesWithItsJson() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "", "", "");
        pages.update();
        writeJson(SAMPLE_JSON.replace("Receive samples.", "Receive and verify samples."));

        List<String> problems = pages.problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("attribute ':description:' differs"), problems::toString);
    }

    @Test
    void reportsComponentJsonWithoutPage() throws IOException {
        writeJson(SAMPLE_JSON);

        List<String> problems = pages.problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("Component 'sample'"), problems::toString);
        assertTrue(problems.get(0).contains("has no page"), problems::toString);
    }

    @Test
    void reportsPageWithoutComponentJson() throws IOException {
        writePage("gone", "a table\n", "a table\n", "a table\n");

        List<String> problems = pages.problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("documents component 'gone' but no component JSON for it exists"),
                problems::toString);
    }

    @Test
    void acceptsPageAwaitingItsComponentWhileNoJsonExists() throws IOException {
        String awaiting = ComponentPages.AWAITING_COMPONENT;
        writePage("sample", awaiting, awaiting, awaiting);

        assertEquals(List.of(), pages.problems());
    }

    @Test
    void reportsPageStillAwaitingItsComponentOnceItsJsonExists() throws IOException {
        String awaiting = ComponentPages.AWAITING_COMPONENT;
        writePage("sample", awaiting, awaiting, awaiting);
        writeJson(SAMPLE_JSON);

        List<String> problems = pages.problems();

        assertEquals(3, problems.stream().filter(p -> p.contains("region '")).count(), problems::toString);
    }

    @Test
    void reportsMissingEndMarker() throws IOException {
        writeJson(SAMPLE_JSON);
        writePage("sample", "", "", "");
        Path page = docs.resolve("sample-component.adoc");
        Files.writeString(page, read("sample-component.adoc").replace("// component headers: END\n", ""));

        List<String> problems = pages.problems();

        assertTrue(problems.stream().anyMatch(p -> p.contains("'// component headers: END' is missing")),
                problems::toString);
    }

    @Test
    void ignoresJsonThatIsNotAComponent() throws IOException {
        Files.writeString(generated.resolve("sample-console.json"), "{\"console\": {\"kind\": \"console\"}}");

        assertEquals(List.of(), pages.problems());
    }

    private void writeJson(String json) throws IOException {
        Files.writeString(generated.resolve("sample.json"), json, StandardCharsets.UTF_8);
    }

    private void writePage(String scheme, String componentOptions, String endpointOptions, String headers)
            throws IOException {
        Files.writeString(docs.resolve(scheme + "-component.adoc"),
                HAND_WRITTEN_PAGE.formatted(componentOptions, endpointOptions, headers), StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(docs.resolve(name), StandardCharsets.UTF_8);
    }
}
