package io.github.camelpreservica.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JmhResultsTest {

    @TempDir
    Path folder;

    @Test
    void readsTimeAndNormalisedAllocationFromJmhJson() throws Exception {
        Path json = folder.resolve("jmh.json");
        Files.writeString(json, """
                [ {
                    "benchmark" : "io.github.camelpreservica.benchmarks.jmh.SignatureAndParseBenchmark.verify",
                    "mode" : "avgt",
                    "params" : { "bodyBytes" : "1024" },
                    "primaryMetric" : { "score" : 3.61, "scoreUnit" : "us/op" },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 552.01, "scoreUnit" : "B/op" } }
                  } ]
                """);

        JmhResults.Score score = JmhResults.read(json).scores().get(0);

        assertThat(score.benchmark()).isEqualTo("SignatureAndParseBenchmark.verify");
        assertThat(score.bodyBytes()).isEqualTo(1024);
        assertThat(score.score()).isEqualTo(3.61);
        assertThat(score.allocatedBytes()).isEqualTo(552.01);
    }

    @Test
    void saysSoWhenRunWithoutTheGcProfiler() throws Exception {
        Path json = folder.resolve("jmh.json");
        Files.writeString(json, """
                [ { "benchmark" : "a.B.c", "params" : { "bodyBytes" : "65536" },
                    "primaryMetric" : { "score" : 1.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } } ]
                """);

        assertThat(JmhResults.read(json).markdown()).contains("| B.c | 65536 | 1.000 us/op | not measured | - |");
    }
}
