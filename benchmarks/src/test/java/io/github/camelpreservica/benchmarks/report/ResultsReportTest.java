package io.github.camelpreservica.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsReportTest {

    private static LoadRun run(String server, int connections, int round, long requests, long p99Micros) {
        return new LoadRun(server, connections, round, requests, 10_000_000, p99Micros / 2, p99Micros, 0, 0, -1);
    }

    private static String report(List<LoadRun> runs, Map<String, Long> rss) {
        return new ResultsReport(new LoadResults(runs, rss, new Properties()), "chart.svg", Optional.empty())
                .markdown();
    }

    @Test
    void pairsEachReceiverRunWithTheBaselineRunOfTheSameRound() {
        String md = report(List.of(
                run("receiver", 32, 1, 240_000, 4000), run("baseline", 32, 1, 300_000, 4000),
                run("receiver", 32, 2, 310_000, 4000), run("baseline", 32, 2, 310_000, 4000)), Map.of());

        assertThat(md).contains("| 32 | 1 | 24000 | 30000 | 0.800 | 2.00 / 4.00 | 2.00 / 4.00 | 1.00 | ? / ? | none |");
        assertThat(md).contains("| 32 | 2 | 31000 | 31000 | 1.000 |");
    }

    @Test
    void judgesThroughputOnTheMeanRatioAtTheHighestConnectionCount() {
        String md = report(List.of(
                run("receiver", 1, 1, 10_000, 100), run("baseline", 1, 1, 50_000, 100),
                run("receiver", 32, 1, 290_000, 4000), run("baseline", 32, 1, 300_000, 4000)), Map.of());

        assertThat(md).contains("| throughput ≥ 0.95 × baseline | 0.967 (median of 1 pairs: 0.967) | met |");
    }

    @Test
    void judgesOnTheMedianPairSoOneDisturbedPairDoesNotDecide() {
        String md = report(List.of(
                run("receiver", 32, 1, 290_000, 4000), run("baseline", 32, 1, 300_000, 4000),
                run("receiver", 32, 2, 150_000, 4000), run("baseline", 32, 2, 300_000, 4000),
                run("receiver", 32, 3, 300_000, 4000), run("baseline", 32, 3, 300_000, 4000)), Map.of());

        assertThat(md)
                .contains("| throughput ≥ 0.95 × baseline | 0.967 (median of 3 pairs: 0.967, 0.500, 1.000) | met |");
    }

    @Test
    void reportsAMissWhenThroughputFallsShort() {
        String md = report(List.of(run("receiver", 32, 1, 280_000, 4000), run("baseline", 32, 1, 300_000, 4000)),
                Map.of());

        assertThat(md).contains("| throughput ≥ 0.95 × baseline | 0.933 (median of 1 pairs: 0.933) | missed |");
    }

    @Test
    void reportsAMissWhenP99IsMoreThanATenthAndAFifthAbove() {
        String md = report(List.of(run("receiver", 32, 1, 300_000, 5000), run("baseline", 32, 1, 300_000, 4000)),
                Map.of());

        assertThat(md).contains("| p99 latency ≤ 1.2 × baseline | 1.25 (median of 1 pairs: 1.25) | missed |");
    }

    @Test
    void refusesToJudgeAPairWhereRequestsFailed() {
        LoadRun refused = new LoadRun("receiver", 32, 1, 300_000, 10_000_000, 100, 200, 300_000, 0, -1);
        String md = report(List.of(refused, run("baseline", 32, 1, 300_000, 4000)), Map.of());

        assertThat(md).contains("invalid: some requests failed");
        assertThat(md).contains("receiver 300000 non-2xx");
    }

    @Test
    void showsWhatEachServerAllocatedPerRequest() {
        LoadRun receiver = new LoadRun("receiver", 32, 1, 1000, 10_000_000, 100, 200, 0, 0, 6_144_000);
        LoadRun baseline = new LoadRun("baseline", 32, 1, 1000, 10_000_000, 100, 200, 0, 0, 3_072_000);

        assertThat(report(List.of(receiver, baseline), Map.of())).contains("| 6.0 KB / 3.0 KB | none |");
    }

    @Test
    void setsTheReferenceReceiverBesideTheReceiverOfTheSameRound() {
        String md = report(List.of(run("receiver", 32, 1, 200_000, 4000), run("baseline", 32, 1, 200_000, 4000),
                run("reference", 32, 1, 20_000, 900_000)), Map.of());

        assertThat(md).contains("| 32 | 1 | 2000 | 450.00 / 900.00 | 10.0 | 0 |");
    }

    @Test
    void judgesTheAllocationOfVerifyAndParseAgainstTwiceTheBodySize() {
        JmhResults jmh = new JmhResults(List.of(
                new JmhResults.Score("SignatureAndParseBenchmark.verifyAndParse", 1024, 19.2, "us/op", 19_240),
                new JmhResults.Score("SignatureAndParseBenchmark.verifyAndParse", 65536, 900, "us/op", 1_272_138)));
        String md = new ResultsReport(
                new LoadResults(List.of(run("receiver", 32, 1, 1, 1), run("baseline", 32, 1, 1, 1)),
                        Map.of(), new Properties()),
                "chart.svg", Optional.of(jmh)).markdown();

        assertThat(md)
                .contains("| verify + parse of 1 KB allocates ≤ 2 × the body (JMH) | 18.8 × (19240 B) | missed |");
        assertThat(md)
                .contains("| SignatureAndParseBenchmark.verifyAndParse | 65536 | 900.000 us/op | 1272138 B | 19.41 |");
    }

    @Test
    void comparesResidentMemoryAfterLoad() {
        String md = report(List.of(run("receiver", 32, 1, 1, 1), run("baseline", 32, 1, 1, 1)),
                Map.of("receiver", 230L * 1024, "baseline", 200L * 1024));

        assertThat(md).contains(
                "| resident memory after load ≤ 1.1 × baseline | 1.15 (receiver 230 MiB, baseline 200 MiB) | missed |");
    }
}
