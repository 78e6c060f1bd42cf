package io.github.camelpreservica.benchmarks.catchup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's own check, on a small window: every change routed, the round completed, numbers filled in. */
class CatchUpBenchmarkTest {

    @Test
    void routesEveryChangeOfTheWindowAndMeasuresIt() throws Exception {
        CatchUpBenchmark.Result result = CatchUpBenchmark.run(250, 20);

        assertThat(result.outcome()).isEqualTo("completed");
        assertThat(result.routed()).isEqualTo(250);
        assertThat(result.peakHeapBytes()).isPositive();
        assertThat(result.markdownRow()).startsWith("| 250 | 20 | 250 |");
    }
}
