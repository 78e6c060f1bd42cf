package org.apache.camel.component.preservica.docs;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

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
        List<String> problems = ComponentPages.ofModule(UpdateComponentDocs.moduleDir(moduleDir)).problems();

        assertTrue(problems.isEmpty(),
                () -> "The component pages disagree with the component JSON:\n  - " + String.join("\n  - ", problems));
    }
}
