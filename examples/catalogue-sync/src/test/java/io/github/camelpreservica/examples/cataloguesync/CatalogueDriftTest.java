package io.github.camelpreservica.examples.cataloguesync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpreservica.simulator.CatalogueEntry;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise of the example: a random sequence of changes at Preservica, with two receiver outages in the middle
 * (a SIGKILL and a clean stop), and after one catch-up interval the database matches Preservica's catalogue: no row
 * missing, no stale title, every deletion marked. The seed is printed; {@code -Dcatalogue.seed=N} replays a run.
 * This class runs it on H2 in a file; {@link CatalogueDriftOnPostgresTest} on a real PostgreSQL.
 */
class CatalogueDriftTest {

    static final Duration CATCH_UP_INTERVAL = Duration.ofSeconds(1);
    /** One interval, plus the round that starts then, plus a margin for a loaded build machine. */
    private static final Duration CONVERGENCE = CATCH_UP_INTERVAL.multipliedBy(2).plusSeconds(20);

    private static final String USER = "catalogue-drift";
    private static final String PASSWORD = "pw-2f9c1e7a-drift";
    private static final String TENANT = "DRIFT";
    private static final String SECRET = "secret-8d41b6c0-drift";

    @TempDir
    Path workDir;

    @Test
    void catalogueMatchesPreservicaAfterAKillAndACleanStop() throws Exception {
        runScenario("jdbc:h2:file:" + workDir.resolve("catalogue-db"), "sa", "");
    }

    void runScenario(String jdbcUrl, String jdbcUser, String jdbcPassword) throws Exception {
        long seed = Long.getLong("catalogue.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed " + seed + " (replay: -Dcatalogue.seed=" + seed + ")");
        // no demo assets: every entity is born after the first start (which takes its checkpoint at "now"; a
        // backfill of what was there before is catchUpInitialLookBack's job, not this test's)
        try (PreservicaSimulator preservica = PreservicaSimulator.builder().port(0).user(USER, PASSWORD, TENANT)
                .demoAssets(false).build().start()) {
            int port = FreePorts.next();
            Map<String, String> environment = new HashMap<>();
            environment.put("PRESERVICA_SERVER", preservica.baseUrl());
            environment.put("PRESERVICA_USERNAME", USER);
            environment.put("PRESERVICA_PASSWORD", PASSWORD);
            environment.put("PRESERVICA_TENANT", TENANT);
            environment.put("PRESERVICA_WEBHOOK_SECRET", SECRET);
            environment.put("PRESERVICA_WEBHOOK_URL", "http://127.0.0.1:" + port + "/preservica/catalogue");
            environment.put("PRESERVICA_CHECKPOINT_FILE", workDir.resolve("checkpoint").toString());
            environment.put("PRESERVICA_CATCH_UP_INTERVAL", CATCH_UP_INTERVAL.toSeconds() + "s");
            environment.put("CATALOGUE_JDBC_URL", jdbcUrl);
            environment.put("CATALOGUE_JDBC_USER", jdbcUser);
            environment.put("CATALOGUE_JDBC_PASSWORD", jdbcPassword);
            RandomChanges changes = new RandomChanges(preservica.catalogue(), new Random(seed));
            List<CatalogueJvm> started = new ArrayList<>();
            try {
                CatalogueJvm first = start(environment, port, "first", started);
                await().atMost(Duration.ofSeconds(30)).until(() -> preservica.subscriptions().size() == 5);
                changes.make(15);
                assertThat(first.kill()).as("killed, not stopped").isNotZero();

                changes.make(15);
                CatalogueJvm second = start(environment, port, "second", started);
                changes.make(10);
                second.stop();

                changes.make(15);
                CatalogueJvm third = start(environment, port, "third", started);
                changes.make(5);

                Thread.sleep(CATCH_UP_INTERVAL.toMillis());
                AtomicReference<List<String>> differences = new AtomicReference<>(List.of("not compared yet"));
                try {
                    await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
                        differences.set(differences(preservica.catalogue().entries(), third.client().catalogue()));
                        return differences.get().isEmpty();
                    });
                } catch (RuntimeException e) {
                    throw new AssertionError("Seed " + seed + ": the catalogue still differs from Preservica after "
                            + CONVERGENCE.toSeconds() + " s: " + differences.get() + "\nLast JVM's output:\n"
                            + third.output(), e);
                }
                List<CatalogueEntry> entries = preservica.catalogue().entries();
                System.out.println(getClass().getSimpleName() + " seed " + seed + ": " + entries.size()
                        + " entities, " + entries.stream().filter(CatalogueEntry::deleted).count() + " deleted, "
                        + preservica.catalogue().changeCount() + " changes, in step");
                // the sequence did what it is for: many entities, some of them deleted
                assertThat(preservica.catalogue().entries()).as("seed " + seed).hasSizeGreaterThanOrEqualTo(10)
                        .anyMatch(CatalogueEntry::deleted);
            } finally {
                started.forEach(CatalogueJvm::close);
            }
        }
    }

    private CatalogueJvm start(Map<String, String> environment, int port, String name, List<CatalogueJvm> started)
            throws Exception {
        CatalogueJvm jvm = CatalogueJvm.start(environment, port, workDir, name);
        started.add(jvm);
        return jvm;
    }

    /** What the database gets wrong about Preservica's catalogue, one line per entity; empty when in step. */
    static List<String> differences(List<CatalogueEntry> preservica, Map<String, JsonNode> database) {
        List<String> wrong = new ArrayList<>();
        for (CatalogueEntry entry : preservica) {
            JsonNode row = database.get(entry.ref());
            if (row == null) {
                wrong.add("missing " + entry);
            } else if (entry.deleted()) {
                if (!row.path("deleted").asBoolean()) {
                    wrong.add("deletion not marked: " + entry.ref());
                }
            } else if (row.path("deleted").asBoolean()) {
                wrong.add("marked deleted but is not: " + entry.ref());
            } else if (!Objects.equals(entry.title(), text(row, "title"))
                    || !Objects.equals(entry.parent(), text(row, "parent"))
                    || !Objects.equals(entry.securityTag(), text(row, "securityTag"))
                    || !Objects.equals(entry.type(), text(row, "type"))) {
                wrong.add("stale " + entry.ref() + ": Preservica " + entry.type() + " '" + entry.title() + "' in "
                        + entry.parent() + " " + entry.securityTag() + ", database " + text(row, "type") + " '"
                        + text(row, "title") + "' in " + text(row, "parent") + " " + text(row, "securityTag"));
            }
        }
        if (database.size() > preservica.size()) {
            wrong.add((database.size() - preservica.size()) + " rows for entities Preservica never had");
        }
        return wrong;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
