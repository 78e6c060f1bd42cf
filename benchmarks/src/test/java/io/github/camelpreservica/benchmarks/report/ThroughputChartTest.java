package io.github.camelpreservica.benchmarks.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputChartTest {

    private static LoadRun run(String server, int connections, int round, long requests) {
        return new LoadRun(server, connections, round, requests, 10_000_000, 100, 200, 0, 0, -1);
    }

    @Test
    void drawsOneLinePerServerAndOneDotPerRun() throws Exception {
        LoadResults results = new LoadResults(List.of(
                run("receiver", 1, 1, 40_000), run("baseline", 1, 1, 41_000),
                run("receiver", 32, 1, 280_000), run("baseline", 32, 1, 300_000),
                run("receiver", 32, 2, 290_000), run("baseline", 32, 2, 310_000)), Map.of(), new Properties());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(new ThroughputChart(results).svg().getBytes(StandardCharsets.UTF_8)));

        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(6);
        assertThat(svg.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points")
                .getNodeValue().split(" ")).hasSize(2);
    }

    @Test
    void addsTheReferenceReceiverUnderItsGivenName() throws Exception {
        Properties meta = new Properties();
        meta.setProperty("reference", "pyPreservica WebHookHandler");
        LoadResults results = new LoadResults(List.of(run("receiver", 1, 1, 40_000), run("baseline", 1, 1, 41_000),
                run("reference", 1, 1, 2_000)), Map.of(), meta);

        String svg = new ThroughputChart(results).svg();

        assertThat(svg.split("<polyline", -1)).hasSize(4);
        assertThat(svg).contains(">pyPreservica<").contains(">WebHookHandler<");
    }

    @Test
    void wrapsLongNamesAtWordsWithinTheWidth() {
        assertThat(ThroughputChart.wrap("pyPreservica WebHookHandler on HTTPServer", 16))
                .containsExactly("pyPreservica", "WebHookHandler", "on HTTPServer");
    }

    @Test
    void roundsTheAxisUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ThroughputChart.niceCeiling(31_000)).isEqualTo(50_000);
        assertThat(ThroughputChart.niceCeiling(17_000)).isEqualTo(20_000);
        assertThat(ThroughputChart.niceCeiling(9_000)).isEqualTo(10_000);
        assertThat(ThroughputChart.niceCeiling(100_000)).isEqualTo(100_000);
    }
}
