package io.github.camelpreservica.examples.cataloguesync;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpreservica.examples.demo.DemoPreservica;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.FireRequest;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import io.github.camelpreservica.simulator.SimulatedFolder;
import io.github.camelpreservica.testing.RunningMain;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application as {@code camel:run} starts it (demo mode, H2 in a file), driven by webhooks over loopback. */
class CatalogueSyncApplicationTest {

    private static final String NEW_ASSET = "5b0c6d1e-0000-4000-8000-00000000c001";
    private static final String NEW_FOLDER = "5b0c6d1e-0000-4000-8000-00000000f001";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void storesAnAssetWithItsThumbnailAndAFolderFromTheirWebhooks(String dsl) throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, dsl))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);
            assertThat(app.camelContext().getRoutes()).extracting(Route::getRouteId)
                    .contains("catalogue-sync-" + dsl)
                    .doesNotContain("catalogue-sync-" + (dsl.equals("java") ? "yaml" : "java"));
            SimulatedAsset harbour = preservica.assets().stream()
                    .filter(asset -> asset.ref().equals(DemoAssets.HARBOUR_REF)).findFirst().orElseThrow();
            preservica.addFolder(new SimulatedFolder(NEW_FOLDER, "Maps & plans", "Surveys", "closed",
                    DemoAssets.FOLDER_REF));
            preservica.addAsset(new SimulatedAsset(NEW_ASSET, "Quay <1901>", "A plan", "open", NEW_FOLDER,
                    harbour.thumbnail("large"), "image/png"));

            preservica.fire(FireRequest.trigger("INDEXED").event("IO", NEW_ASSET)
                    .identifier("code", "PLAN-1901").build());
            preservica.fire(FireRequest.trigger("MOVED").event("SO", NEW_FOLDER).build());

            CatalogueClient catalogue = new CatalogueClient(app.port());
            await().atMost(20, TimeUnit.SECONDS).until(() -> catalogue.catalogue().keySet()
                    .containsAll(java.util.List.of(NEW_ASSET, NEW_FOLDER)));
            Map<String, JsonNode> rows = catalogue.catalogue();
            JsonNode asset = rows.get(NEW_ASSET);
            assertThat(asset.path("type").asText()).isEqualTo("IO");
            assertThat(asset.path("title").asText()).isEqualTo("Quay <1901>");
            assertThat(asset.path("parent").asText()).isEqualTo(NEW_FOLDER);
            assertThat(asset.path("securityTag").asText()).isEqualTo("open");
            assertThat(asset.path("deleted").isBoolean()).isTrue();
            assertThat(asset.path("deleted").asBoolean()).isFalse();
            assertThat(asset.path("identifiers").toString()).contains("PLAN-1901");
            assertThat(asset.path("hasThumbnail").asBoolean()).isTrue();
            JsonNode folder = rows.get(NEW_FOLDER);
            assertThat(folder.path("type").asText()).isEqualTo("SO");
            assertThat(folder.path("title").asText()).isEqualTo("Maps & plans");
            assertThat(folder.path("securityTag").asText()).isEqualTo("closed");

            HttpResponse<byte[]> thumbnail = catalogue.get("/thumbnail/" + NEW_ASSET);
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(thumbnail.body()).isEqualTo(harbour.thumbnail("large"));
            assertThat(catalogue.get("/thumbnail/" + NEW_FOLDER).statusCode()).isEqualTo(404);

            String page = new String(catalogue.get("/").body(), StandardCharsets.UTF_8);
            assertThat(page).contains("Quay &lt;1901&gt;", "Maps &amp; plans", "thumbnail/" + NEW_ASSET,
                    "Last change:").doesNotContain("<script");
        }
    }

    @Test
    void aRepeatedEventLeavesTheSameRow() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, "java"))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);
            CatalogueClient catalogue = new CatalogueClient(app.port());
            Map<String, Object> event = Map.of("CamelPreservicaEntityRef", DemoAssets.LETTER_REF,
                    "CamelPreservicaEntityType", "IO", "CamelPreservicaTimestamp", "2026-02-12T16:12:40.123");
            ProducerTemplate template = app.camelContext().createProducerTemplate();

            template.sendBodyAndHeaders("direct:sync-entity", null, event);
            String first = catalogue.catalogue().get(DemoAssets.LETTER_REF).toString();
            template.sendBodyAndHeaders("direct:sync-entity", null, event);

            assertThat(catalogue.catalogue().get(DemoAssets.LETTER_REF).toString()).isEqualTo(first)
                    .contains("\"lastChange\":\"2026-02-12T16:12:40.123Z\"");

            // a live event for the unchanged asset, then Preservica sending that delivery again
            preservica.redeliver(preservica.fire("INDEXED", DemoAssets.LETTER_REF).get(0));

            assertThat(catalogue.catalogue().get(DemoAssets.LETTER_REF).toString()).isEqualTo(first);
            assertThat(catalogue.catalogue()).hasSize(1);
        }
    }

    @Test
    void aTitleEditWithoutWebhookArrivesByTheCatchUpAndMovesLastChange() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, "java"))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);
            CatalogueClient catalogue = new CatalogueClient(app.port());
            app.camelContext().createProducerTemplate().sendBodyAndHeaders("direct:sync-entity", null,
                    Map.of("CamelPreservicaEntityRef", DemoAssets.TOWN_PLAN_REF, "CamelPreservicaEntityType", "IO",
                            "CamelPreservicaTimestamp", "2026-02-12T16:12:40.123"));

            preservica.catalogue().modify(DemoAssets.TOWN_PLAN_REF, "Town plan, 1890, retitled", null, false);

            await().atMost(20, TimeUnit.SECONDS).until(() -> catalogue.catalogue().get(DemoAssets.TOWN_PLAN_REF)
                    .path("title").asText().equals("Town plan, 1890, retitled"));
            assertThat(Instant.parse(catalogue.catalogue().get(DemoAssets.TOWN_PLAN_REF).path("lastChange").asText()))
                    .isAfter(Instant.parse("2026-02-12T16:12:40.123Z"));
        }
    }

    @Test
    void anEntityThatAnswers404IsMarkedDeletedKeepingItsLastTitle() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, "java"))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);
            CatalogueClient catalogue = new CatalogueClient(app.port());
            String gone = "5b0c6d1e-0000-4000-8000-00000000d001";

            preservica.fire("SECURITY_CHANGED", gone);

            await().atMost(20, TimeUnit.SECONDS).until(() -> catalogue.catalogue().containsKey(gone));
            JsonNode row = catalogue.catalogue().get(gone);
            assertThat(row.path("deleted").asBoolean()).isTrue();
            assertThat(row.path("title").isNull()).isTrue();
        }
    }

    @Test
    void aFailedIngestAddsNoRow() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, "java"))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);

            assertThat(preservica.fire("INGEST_FAILED", "5b0c6d1e-0000-4000-8000-00000000e001"))
                    .allMatch(delivery -> delivery.status() == 200);
            preservica.fire("INDEXED", DemoAssets.LETTER_REF);

            assertThat(new CatalogueClient(app.port()).catalogue()).containsOnlyKeys(DemoAssets.LETTER_REF);
        }
    }

    @Test
    void aRowIsNotWrittenWithoutItsThumbnailAndTheCatchUpBringsItOnceTheDatabaseRecovers() throws Exception {
        DemoPreservica demo = new DemoPreservica(null);
        try (RunningMain app = RunningMain.withServerOnFreePort(application(demo, "java"))) {
            PreservicaSimulator preservica = demo.simulator().orElseThrow();
            await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 5);
            CatalogueClient catalogue = new CatalogueClient(app.port());
            DataSource database = app.camelContext().getRegistry()
                    .lookupByNameAndType(CatalogueDatabase.DATA_SOURCE_BEAN, DataSource.class);

            // the database refuses the thumbnail, after the entity's row was written in the same transaction
            execute(database, "ALTER TABLE catalogue_thumbnail ADD CONSTRAINT no_png_for_now"
                    + " CHECK (content_type <> 'image/png')");
            String title = "Ingested while the database refuses thumbnails";
            String ref = preservica.catalogue().create("IO", null, title, DemoAssets.FOLDER_REF, false).ref();
            byte[] image = preservica.assets().stream().filter(SimulatedAsset::hasThumbnail).findFirst()
                    .orElseThrow().thumbnail("large");
            preservica.addAsset(new SimulatedAsset(ref, title, null, "open", DemoAssets.FOLDER_REF, image,
                    "image/png"));

            assertThat(preservica.fire("INDEXED", ref).get(0).status()).isEqualTo(500);
            assertThat(catalogue.catalogue()).as("the row was rolled back with its thumbnail").doesNotContainKey(ref);

            execute(database, "ALTER TABLE catalogue_thumbnail DROP CONSTRAINT no_png_for_now");
            await().atMost(20, TimeUnit.SECONDS).until(() -> catalogue.catalogue().containsKey(ref));
            assertThat(catalogue.catalogue().get(ref).path("hasThumbnail").asBoolean()).isTrue();
            assertThat(catalogue.get("/thumbnail/" + ref).body()).isEqualTo(image);
        }
    }

    private static void execute(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Main application(DemoPreservica demo, String dsl) {
        Main main = CatalogueSyncApplication.newMain(demo);
        main.addOverrideProperty("catalogue.dsl", dsl);
        main.addOverrideProperty("catalogue.jdbc-url", "jdbc:h2:file:" + workDir.resolve("catalogue-db"));
        main.addOverrideProperty("catalogue.checkpoint-file", workDir.resolve("checkpoint").toString());
        main.addOverrideProperty("catalogue.catch-up-interval", "1s");
        return main;
    }
}
