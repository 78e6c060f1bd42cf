package io.github.camelpreservica.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What run.sh leaves in its results folder: {@code runs.tsv} (one line per wrk run), {@code rss.tsv} (each
 * server's resident memory after the load) and {@code meta.properties} (the machine and the settings).
 */
public final class LoadResults {

    public static final String RECEIVER = "receiver";
    public static final String BASELINE = "baseline";
    /** A receiver started outside run.sh (REFERENCE_PORT), e.g. pyPreservica's; its name is in the meta data. */
    public static final String REFERENCE = "reference";

    private final List<LoadRun> runs;
    private final Map<String, Long> residentKilobytes;
    private final Properties meta;

    public LoadResults(List<LoadRun> runs, Map<String, Long> residentKilobytes, Properties meta) {
        this.runs = List.copyOf(runs);
        this.residentKilobytes = Map.copyOf(residentKilobytes);
        this.meta = meta;
    }

    public static LoadResults read(Path folder) throws IOException {
        List<LoadRun> runs = new ArrayList<>();
        for (String[] f : rows(folder.resolve("runs.tsv"), 9)) {
            runs.add(new LoadRun(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8]), f.length > 9 ? Long.parseLong(f[9]) : -1));
        }
        Map<String, Long> rss = new LinkedHashMap<>();
        Path rssFile = folder.resolve("rss.tsv");
        if (Files.exists(rssFile)) {
            for (String[] f : rows(rssFile, 2)) {
                rss.put(f[0], Long.parseLong(f[1]));
            }
        }
        Properties meta = new Properties();
        Path metaFile = folder.resolve("meta.properties");
        if (Files.exists(metaFile)) {
            try (Reader reader = Files.newBufferedReader(metaFile)) {
                meta.load(reader);
            }
        }
        return new LoadResults(runs, rss, meta);
    }

    /** Tab-separated rows after a header line; blank lines are skipped, short ones name their line number. */
    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = lines.get(i).trim().split("\t");
            if (fields.length < columns) {
                throw new IOException(file + " line " + (i + 1) + " has " + fields.length + " columns, expected "
                        + columns + ": '" + lines.get(i) + "'");
            }
            rows.add(fields);
        }
        return rows;
    }

    public List<LoadRun> runs() {
        return runs;
    }

    public TreeSet<Integer> connectionCounts() {
        TreeSet<Integer> counts = new TreeSet<>();
        runs.forEach(run -> counts.add(run.connections()));
        return counts;
    }

    public List<LoadRun> runs(String server, int connections) {
        return runs.stream().filter(r -> r.server().equals(server) && r.connections() == connections).toList();
    }

    /** The median throughput of a server's runs at one connection count, if it had any. */
    public Optional<Double> medianRequestsPerSecond(String server, int connections) {
        List<LoadRun> matching = runs(server, connections);
        return matching.isEmpty()
                ? Optional.empty()
                : Optional
                        .of(ResultsReport.median(matching.stream().mapToDouble(LoadRun::requestsPerSecond).toArray()));
    }

    /** What to call a server in tables and charts: the reference gets the name run.sh was given for it. */
    public String label(String server) {
        return REFERENCE.equals(server)
                ? meta("reference", REFERENCE).isBlank() ? REFERENCE : meta("reference", REFERENCE)
                : server;
    }

    public Optional<Long> residentKilobytes(String server) {
        return Optional.ofNullable(residentKilobytes.get(server));
    }

    public String meta(String key, String fallback) {
        return meta.getProperty(key, fallback);
    }
}
