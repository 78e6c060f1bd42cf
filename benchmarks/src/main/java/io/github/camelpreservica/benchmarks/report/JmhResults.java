package io.github.camelpreservica.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The per-delivery JMH scores from JMH's JSON result file ({@code -rf json}), as a Markdown table. */
public final class JmhResults {

    /** One benchmark at one body size: average time and, with {@code -prof gc}, bytes allocated per call. */
    public record Score(String benchmark, int bodyBytes, double score, String unit, double allocatedBytes) {

        /** Allocation per delivery over the body's own size; NaN without {@code -prof gc}. */
        public double allocationPerBodyByte() {
            return allocatedBytes / bodyBytes;
        }
    }

    private final List<Score> scores;

    public JmhResults(List<Score> scores) {
        this.scores = List.copyOf(scores);
    }

    public static JmhResults read(Path json) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String name = result.path("benchmark").asText();
            JsonNode primary = result.path("primaryMetric");
            JsonNode allocation = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            scores.add(new Score(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    result.path("params").path("bodyBytes").asInt(0), primary.path("score").asDouble(),
                    primary.path("scoreUnit").asText(),
                    allocation.isMissingNode() ? Double.NaN : allocation.path("score").asDouble()));
        }
        return new JmhResults(scores);
    }

    public List<Score> scores() {
        return scores;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | body bytes | time per delivery | allocated per delivery | allocated / body size |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Score s : scores) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f %s | %s | %s |%n", s.benchmark(), s.bodyBytes(),
                    s.score(), s.unit(),
                    Double.isNaN(s.allocatedBytes())
                            ? "not measured"
                            : String.format(Locale.ROOT, "%.0f B", s.allocatedBytes()),
                    Double.isNaN(s.allocatedBytes())
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", s.allocationPerBodyByte())));
        }
        return md.toString();
    }
}
