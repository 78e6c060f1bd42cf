package io.github.camelpreservica.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.github.camelpreservica.benchmarks.report.LoadResults.BASELINE;
import static io.github.camelpreservica.benchmarks.report.LoadResults.RECEIVER;
import static io.github.camelpreservica.benchmarks.report.LoadResults.REFERENCE;

/**
 * Requests per second against connections, one line per server through the median of its runs, a dot per run,
 * drawn as plain SVG so the chart is made by the benchmark and needs no plotting library.
 */
public final class ThroughputChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 160;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final String[][] SERIES = { { RECEIVER, "#1f6fb4" }, { BASELINE, "#d9822b" },
            { REFERENCE, "#3a923a" } };

    private final LoadResults results;

    public ThroughputChart(LoadResults results) {
        this.results = results;
    }

    public String svg() {
        List<Integer> connections = new ArrayList<>(results.connectionCounts());
        double top = niceCeiling(results.runs().stream().mapToDouble(LoadRun::requestsPerSecond).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 24, "middle", 15,
                "Throughput against connections (" + results.meta("bodyBytes", "?")
                        + "-byte signed chunked deliveries)"));
        axes(svg, connections, top);
        for (String[] series : present()) {
            plot(svg, series[0], series[1], connections, top);
        }
        legend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void axes(StringBuilder svg, List<Integer> connections, double top) {
        double plotBottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "#333"));
        svg.append(line(LEFT, plotBottom, WIDTH - RIGHT, plotBottom, "#333"));
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            double y = y(value, top);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e5e5e5"));
            svg.append(text(LEFT - 8, y + 4, "end", 12, String.format(Locale.ROOT, "%,.0f", value)));
        }
        for (int i = 0; i < connections.size(); i++) {
            svg.append(text(x(i, connections.size()), plotBottom + 20, "middle", 12, connections.get(i).toString()));
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 18, "middle", 13, "connections"));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 %.1f)\">"
                        + "requests per second</text>%n",
                (TOP + plotBottom) / 2, (TOP + plotBottom) / 2));
    }

    private void plot(StringBuilder svg, String server, String colour, List<Integer> connections, double top) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < connections.size(); i++) {
            Optional<Double> median = results.medianRequestsPerSecond(server, connections.get(i));
            if (median.isPresent()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, connections.size()), y(median.get(), top)));
            }
            for (LoadRun run : results.runs(server, connections.get(i))) {
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.6\"/>%n",
                        x(i, connections.size()), y(run.requestsPerSecond(), top), colour));
            }
        }
        if (!points.isEmpty()) {
            svg.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>%n",
                    points.toString().trim(), colour));
        }
    }

    /** The servers with at least one run, in legend order. */
    private List<String[]> present() {
        return java.util.Arrays.stream(SERIES)
                .filter(series -> results.runs().stream().anyMatch(run -> run.server().equals(series[0])))
                .toList();
    }

    private void legend(StringBuilder svg) {
        double x = WIDTH - RIGHT + 20;
        double y = TOP + 20;
        for (String[] series : present()) {
            svg.append(line(x, y - 4, x + 24, y - 4, series[1]).replace("stroke-width=\"1\"", "stroke-width=\"3\""));
            // long reference names wrap onto further lines
            for (String part : wrap(results.label(series[0]), 16)) {
                svg.append(text(x + 30, y, "start", 12, part));
                y += 14;
            }
            y += 10;
        }
        svg.append(text(x, y + 4, "start", 10, "line: median; dots: runs"));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    private static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count == 1 ? LEFT + width / 2 : LEFT + 30 + (width - 60) * index / (count - 1);
    }

    private static double y(double value, double top) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / top;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above the value, so the axis ticks read well. */
    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[]{ 1, 2, 5, 10 }) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>%n",
                x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escaped);
    }
}
