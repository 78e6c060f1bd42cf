package io.github.camelpreservica.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pipe of docs/deployment.md ("Camel K"), as the tests run it, unchanged: a change to the documented Pipe is a
 * change to what these tests run. The page gives the URL Preservica calls as the property {@link #URL_PROPERTY}, and
 * the tests set that property (to a loopback URL).
 */
final class DocumentedPipe {

    static final String URL_PROPERTY = "camel.kamelet.preservica-webhook-source.webhookExternalUrl";

    private DocumentedPipe() {
    }

    /** Writes the documented Pipe into {@code dir}. */
    static Path writeTo(Path dir) throws IOException {
        if (!Files.readString(page()).contains(URL_PROPERTY + ":")) {
            throw new IllegalStateException("docs/deployment.md no longer sets the URL as " + URL_PROPERTY);
        }
        Path file = dir.resolve("preservica-events.yaml");
        Files.writeString(file, documentedPipe());
        return file;
    }

    /** The one YAML block of docs/deployment.md that is a Pipe. */
    static String documentedPipe() throws IOException {
        Path page = page();
        List<String> pipes = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(page)) {
            if (block == null && line.trim().equals("```yaml")) {
                block = new StringBuilder();
            } else if (block != null && line.trim().equals("```")) {
                if (block.toString().contains("kind: Pipe")) {
                    pipes.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (pipes.size() != 1) {
            throw new IllegalStateException("Expected one Pipe in " + page + ", found " + pipes.size());
        }
        return pipes.get(0);
    }

    private static Path page() {
        return projectRoot().resolve("docs/deployment.md");
    }

    private static Path projectRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return module.resolve("..").normalize();
    }
}
