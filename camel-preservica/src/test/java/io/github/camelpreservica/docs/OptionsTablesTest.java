package io.github.camelpreservica.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTablesTest {

    @TempDir
    Path tmp;

    @Test
    void marksSecretOptions() throws IOException {
        String table = OptionsTables.componentOptions(sample(ComponentPagesTest.SAMPLE_JSON));

        assertTrue(table.contains("| *password* (security) | The password. *Secret:*"), table);
    }

    @Test
    void marksRequiredOptions() throws IOException {
        String table = OptionsTables.endpointOptions(sample(ComponentPagesTest.SAMPLE_JSON));

        assertTrue(table.contains("| *path* (consumer) | *Required* The local path."), table);
    }

    @Test
    void showsDefaultValueAndShortType() throws IOException {
        String table = OptionsTables.endpointOptions(sample(ComponentPagesTest.SAMPLE_JSON));

        assertTrue(table.contains("| *maxBodySize* (consumer) | Largest body. | `1048576` | int\n"), table);
    }

    @Test
    void listsPathParametersBeforeQueryParameters() throws IOException {
        String table = OptionsTables.endpointOptions(sample(ComponentPagesTest.SAMPLE_JSON));

        assertTrue(table.indexOf(".Path parameters (1)") < table.indexOf("*path*"), table);
        assertTrue(table.indexOf("*path*") < table.indexOf(".Query parameters (1)"), table);
        assertTrue(table.indexOf(".Query parameters (1)") < table.indexOf("*maxBodySize*"), table);
    }

    @Test
    void namesTheConstantOfEachHeader() throws IOException {
        String table = OptionsTables.headers(sample(ComponentPagesTest.SAMPLE_JSON));

        assertTrue(table.contains("| *CamelSampleRef* (consumer) +\nConstant: `REF` | The reference. |  | String\n"),
                table);
    }

    @Test
    void listsEnumValues() throws IOException {
        String json = ComponentPagesTest.SAMPLE_JSON.replace("\"description\": \"Largest body.\"",
                "\"enum\": [\"MOVED\", \"INDEXED\"], \"description\": \"Largest body.\"");

        String table = OptionsTables.endpointOptions(sample(json));

        assertTrue(table.contains("Largest body. Possible values: `MOVED`, `INDEXED`."), table);
    }

    @Test
    void escapesBarsAndLineBreaksThatWouldEndACell() {
        assertEquals("a \\| b c", OptionsTables.cell("a | b\nc"));
    }

    @Test
    void shortensQualifiedTypesInsideGenerics() {
        assertEquals("Map<String, Object>",
                OptionsTables.shortType("java.util.Map<java.lang.String, java.lang.Object>"));
        assertEquals("IdempotentRepository", OptionsTables.shortType("org.apache.camel.spi.IdempotentRepository"));
        assertEquals("Outer.Inner", OptionsTables.shortType("org.example.Outer$Inner"));
        assertEquals("boolean", OptionsTables.shortType("boolean"));
    }

    private ComponentJson sample(String json) throws IOException {
        Path file = tmp.resolve("sample.json");
        Files.writeString(file, json);
        return ComponentJson.read(file).orElseThrow();
    }
}
