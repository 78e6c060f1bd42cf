package io.github.camelpreservica.benchmarks.startup;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupBenchmarkTest {

    @Test
    void readsTheResidentMemoryOfARunningProcess() throws IOException {
        assertThat(StartupBenchmark.residentKiB(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void failsNamingTheProcessWhoseStatusHasNoResidentMemory() {
        assertThatThrownBy(() -> StartupBenchmark.residentKiB(-1)).isInstanceOf(IOException.class);
    }

    @Test
    void reportsTheMediansOfTheSuccessfulRuns() {
        List<StartupBenchmark.Run> runs = List.of(
                new StartupBenchmark.Run(900, 1000, 200 * 1024, true, null),
                new StartupBenchmark.Run(700, 800, 100 * 1024, true, null),
                new StartupBenchmark.Run(0, 0, 0, false, "the process exited"),
                new StartupBenchmark.Run(800, 900, 150 * 1024, false, null));

        assertThat(StartupBenchmark.markdownRow("app", runs)).isEqualTo("| app | 800 ms | 900 ms | 150 MiB | 2 of 4 |");
    }

    @Test
    void reportsAFailureWhenNoRunSucceeded() {
        assertThat(StartupBenchmark.markdownRow("app", List.of(new StartupBenchmark.Run(0, 0, 0, false, "boom"))))
                .isEqualTo("| app | failed: boom | | | |");
    }
}
