package io.github.camelpreservica.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runnable jar the package phase builds: started as its own JVM, like users start it. */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "preservica-simulator.jar");

    @Test
    void shadedJarStartsAndServesLogin() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after the package phase: " + JAR.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--port", "0", "--username", "ops",
                "--password", "pw", "--tenant", "ACME").redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
            String line;
            while (baseUrl == null && (line = output.readLine()) != null) {
                Matcher matcher = listening.matcher(line);
                if (matcher.find()) {
                    baseUrl = matcher.group(1);
                }
            }
            assertNotNull(baseUrl, "the jar never printed its address");
            ApiClient api = new ApiClient(baseUrl);
            String token = api.login("ops", "pw", "ACME");
            assertEquals(200, api.get("/api/webhook/subscriptions", token).statusCode());
            assertEquals(200, api.get("/simulator/assets", null).statusCode());
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
