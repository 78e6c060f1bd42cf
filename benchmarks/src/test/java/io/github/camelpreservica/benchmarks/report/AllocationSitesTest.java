package io.github.camelpreservica.benchmarks.report;

import java.nio.file.Path;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationSitesTest {

    @TempDir
    Path folder;

    private static volatile byte[] sink;

    private static void allocateMuch() {
        for (int i = 0; i < 200_000; i++) {
            sink = new byte[4096];
        }
    }

    @Test
    void attributesSampledAllocationsToTheFirstFrameOutsideTheJdk() throws Exception {
        Path file = folder.resolve("allocations.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s").withStackTrace();
            recording.start();
            allocateMuch();
            recording.stop();
            recording.dump(file);
        }

        String tables = AllocationSites.read(file).markdown(3);

        assertThat(tables).contains("| `outside the component` | 100.0% |");
        assertThat(tables.lines().filter(line -> line.startsWith("| `AllocationSitesTest.allocateMuch` |"))).hasSize(1);
    }
}
