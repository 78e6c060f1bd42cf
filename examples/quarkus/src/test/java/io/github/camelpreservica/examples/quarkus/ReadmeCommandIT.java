package io.github.camelpreservica.examples.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.ProcessOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's command, {@code java -jar target/quarkus-app/quarkus-run.jar}, on the packaged application (so after
 * the package phase: failsafe runs it), configured only by the environment variables of the README, and stopped with
 * SIGTERM: it subscribes, answers 200 to a delivery, prints the event alone on standard output, and unsubscribes.
 * And with no Preservica configured, the demo mode of the README.
 */
class ReadmeCommandIT {

    private static final String TOWN_PLAN_REF = "d5e9b0c4-6f2a-4b8e-8c31-7a4f2e9d1b63";

    @TempDir
    Path workingDirectory;

    @Test
    void subscribesAnswersDeliveriesAndUnsubscribesOnSigterm() throws Exception {
        Path jar = jar();
        try (PreservicaSimulator preservica = PreservicaSimulator.builder().host("127.0.0.1")
                .port(0).user("archivist", "archivist-password", "ACME").build().start()) {
            int port = FreePorts.next();
            String webhookUrl = "http://127.0.0.1:" + port + "/hooks/preservica";
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString())
                    .directory(workingDirectory.toFile())
                    .redirectError(workingDirectory.resolve("stderr.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PRESERVICA_") || name.startsWith("QUARKUS_"));
            environment.put("PRESERVICA_SERVER", preservica.baseUrl());
            environment.put("PRESERVICA_USERNAME", "archivist");
            environment.put("PRESERVICA_PASSWORD", "archivist-password");
            environment.put("PRESERVICA_TENANT", "ACME");
            environment.put("PRESERVICA_WEBHOOK_SECRET", "environment-secret");
            environment.put("PRESERVICA_WEBHOOK_URL", webhookUrl);
            environment.put("PRESERVICA_WEBHOOK_TRIGGER", "INDEXED");
            environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // loopback only, as every test here
            environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");

            Process application = builder.start();
            ProcessOutput stdout = ProcessOutput.of(application);
            try {
                await().atMost(90, TimeUnit.SECONDS).until(() -> !application.isAlive()
                        || preservica.subscriptions().stream().map(SimulatedSubscription::url)
                                .anyMatch(webhookUrl::equals));
                assertThat(application.isAlive()).as("the application is running; its log: %s", log()).isTrue();

                List<DeliveryRecord> sent = preservica.fire("INDEXED", TOWN_PLAN_REF);

                assertThat(sent).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
                await().atMost(30, TimeUnit.SECONDS)
                        .until(() -> stdout.lines().stream().anyMatch(l -> l.contains(TOWN_PLAN_REF)));
                assertThat(stdout.lines()).allSatisfy(line -> {
                    JsonNode event = new ObjectMapper().readTree(line);
                    assertThat(event.path("entityRef").asText()).isEqualTo(TOWN_PLAN_REF);
                    assertThat(event.path("tenant").asText()).isEqualTo("ACME");
                });
            } finally {
                application.destroy(); // SIGTERM
                assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("the application exits").isTrue();
                stdout.awaitEnd(Duration.ofSeconds(10));
            }
            assertThat(preservica.subscriptions()).as("subscriptions after SIGTERM; log: %s", log()).isEmpty();
        }
    }

    @Test
    void runsTheDemoWhenNoServerIsConfigured() throws Exception {
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar().toString())
                .directory(workingDirectory.toFile())
                .redirectError(workingDirectory.resolve("stderr.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PRESERVICA_") || name.startsWith("QUARKUS_"));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");

        Process application = builder.start();
        ProcessOutput stdout = ProcessOutput.of(application);
        try {
            // the simulator of the demo fires an event every 3 seconds once the route subscribed
            await().atMost(90, TimeUnit.SECONDS).until(() -> !application.isAlive() || !stdout.lines().isEmpty());
            assertThat(stdout.lines()).as("events printed; log: %s", log()).isNotEmpty();
            JsonNode event = new ObjectMapper().readTree(stdout.lines().get(0));
            assertThat(event.path("tenant").asText()).isEqualTo("DEMO");
            assertThat(event.path("trigger").asText()).isEqualTo("FULL_TEXT_INDEXED");
        } finally {
            application.destroy(); // SIGTERM
            assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("the application exits").isTrue();
            stdout.awaitEnd(Duration.ofSeconds(10));
        }
        // the demo's simulator stops after the route, and tells what the route left behind
        assertThat(log()).contains("subscriptions left: 0");
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("quarkus.run.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        return jar;
    }

    private String log() throws IOException {
        Path file = workingDirectory.resolve("stderr.log");
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
