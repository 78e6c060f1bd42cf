package io.github.camelpreservica.examples.printevents;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.ProcessOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a separate process, configured only by the environment variables of its README, and stopped
 * with SIGTERM as Ctrl-C stops it: the things an in-process test cannot show.
 */
class ConfiguredByEnvironmentTest {

    @TempDir
    Path workingDirectory;

    @Test
    void printsTheEventsOfTheServerInItsEnvironmentAndUnsubscribesOnSigterm() throws Exception {
        try (PreservicaSimulator preservica = PreservicaSimulator.builder()
                .port(0).user("archivist", "archivist-password", "ACME").demoAssets(true).build().start()) {
            int port = FreePorts.next();
            String webhookUrl = "http://127.0.0.1:" + port + "/hooks/preservica";
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", absoluteClassPath(),
                    PrintEventsApplication.class.getName())
                    .directory(workingDirectory.toFile())
                    .redirectError(workingDirectory.resolve("stderr.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PRESERVICA_") || name.startsWith("CAMEL_")
                    || name.equals("PRINT_EVENTS_DSL"));
            environment.put("PRESERVICA_SERVER", preservica.baseUrl());
            environment.put("PRESERVICA_USERNAME", "archivist");
            environment.put("PRESERVICA_PASSWORD", "archivist-password");
            environment.put("PRESERVICA_TENANT", "ACME");
            environment.put("PRESERVICA_WEBHOOK_SECRET", "environment-secret");
            environment.put("PRESERVICA_WEBHOOK_URL", webhookUrl);
            environment.put("PRESERVICA_WEBHOOK_TRIGGER", "INDEXED");
            environment.put("CAMEL_SERVER_PORT", String.valueOf(port));
            Path checkpointFile = workingDirectory.resolve("checkpoint.dat");
            environment.put("PRESERVICA_CHECKPOINT_FILE", checkpointFile.toString());
            environment.put("PRESERVICA_CATCH_UP_INTERVAL", "1s");

            Process application = builder.start();
            ProcessOutput stdout = ProcessOutput.of(application);
            try {
                await().atMost(90, TimeUnit.SECONDS).until(() -> !application.isAlive()
                        || preservica.subscriptions().stream().map(SimulatedSubscription::url)
                                .anyMatch(webhookUrl::equals));
                assertThat(application.isAlive()).as("the application is running; its log: %s", log()).isTrue();

                preservica.fire("INDEXED", DemoAssets.TOWN_PLAN_REF);

                await().atMost(30, TimeUnit.SECONDS)
                        .until(() -> stdout.lines().stream().anyMatch(l -> l.contains(DemoAssets.TOWN_PLAN_REF)));
                // a title edit fires no webhook: the catch-up prints it within an interval
                preservica.catalogue().modify(DemoAssets.TOWN_PLAN_REF, "Town plan, retitled", null, false);
                await().atMost(30, TimeUnit.SECONDS).until(() -> stdout.lines().stream()
                        .anyMatch(l -> l.contains(DemoAssets.TOWN_PLAN_REF) && l.contains("\"event\":\"Updated\"")));
                assertThat(checkpointFile).content().contains("preservica-webhook:events=");
                assertThat(stdout.lines()).allSatisfy(line -> {
                    JsonNode event = new ObjectMapper().readTree(line);
                    assertThat(event.path("entityRef").asText()).isEqualTo(DemoAssets.TOWN_PLAN_REF);
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

    private String log() throws Exception {
        Path file = workingDirectory.resolve("stderr.log");
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // the child runs in another directory, so every entry must be absolute
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> new File(entry).getAbsolutePath())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
