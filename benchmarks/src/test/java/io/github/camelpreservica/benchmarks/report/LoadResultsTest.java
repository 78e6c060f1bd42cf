package io.github.camelpreservica.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadResultsTest {

    @TempDir
    Path folder;

    @Test
    void readsTheRunsTheMemoryAndTheMachineWrittenByRunSh() throws IOException {
        Files.writeString(folder.resolve("runs.tsv"),
                "server\tconnections\tround\trequests\tduration_us\tp50_us\tp99_us\tnon2xx\tsocket_errors\n"
                        + "receiver\t32\t1\t250000\t10000000\t900\t4100\t0\t0\t512000000\n");
        Files.writeString(folder.resolve("rss.tsv"), "server\trss_kb\nreceiver\t204800\n");
        Files.writeString(folder.resolve("meta.properties"), "cores=2\n");

        LoadResults results = LoadResults.read(folder);

        assertThat(results.runs())
                .containsExactly(new LoadRun("receiver", 32, 1, 250000, 10000000, 900, 4100, 0, 0, 512_000_000));
        assertThat(results.runs().get(0).requestsPerSecond()).isEqualTo(25_000.0);
        assertThat(results.runs().get(0).allocatedPerRequest()).isEqualTo(2048);
        assertThat(results.residentKilobytes("receiver")).contains(204800L);
        assertThat(results.meta("cores", "?")).isEqualTo("2");
    }

    @Test
    void namesTheLineOfATruncatedRow() throws IOException {
        Files.writeString(folder.resolve("runs.tsv"), "header\nreceiver\t32\t1\n");

        assertThatThrownBy(() -> LoadResults.read(folder))
                .hasMessageContaining("runs.tsv line 2 has 3 columns, expected 9");
    }
}
