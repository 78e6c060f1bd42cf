package io.github.camelpreservica.docs;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's check that the options and headers tables in {@code docs/*-component.adoc} are the ones the
 * component JSON (generated from the code's annotations and javadoc) gives. When it fails, regenerate the tables
 * with the command in the message and commit the pages with the code.
 */
class DocsOptionsTablesAreCurrentTest {

    @Test
    void everyComponentPageMatchesItsComponentJson() {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        ComponentPages pages = ComponentPages.ofModule(UpdateComponentDocs.moduleDir(moduleDir));
        // guards against a check that passes because it looked in the wrong folder
        assertFalse(pages.components().isEmpty(), () -> "No component JSON found from " + moduleDir);

        List<String> problems = pages.problems();

        assertTrue(problems.isEmpty(),
                () -> "The component pages disagree with the component JSON:\n  - " + String.join("\n  - ", problems));
    }
}
