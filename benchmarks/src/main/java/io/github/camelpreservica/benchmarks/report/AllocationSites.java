package io.github.camelpreservica.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says memory was allocated ({@code jdk.ObjectAllocationSample}, weighted by bytes), grouped
 * by the first frame outside the JDK: the library or component call that asked for the memory. Used on the JMH
 * {@code -prof jfr} recording of the whole consumer request, to say why a delivery costs what it costs.
 */
public final class AllocationSites {

    /** The component's classes share the project's root package with the benchmarks, which are not counted. */
    private static final String PROJECT_PACKAGE = "io.github.camelpreservica.";
    private static final String BENCHMARKS_PACKAGE = "io.github.camelpreservica.benchmarks.";

    private final Map<String, Long> bytesBySite;
    private final Map<String, Long> bytesByComponentMethod;
    private final long total;

    private AllocationSites(Map<String, Long> bytesBySite, Map<String, Long> bytesByComponentMethod) {
        this.bytesBySite = bytesBySite;
        this.bytesByComponentMethod = bytesByComponentMethod;
        this.total = bytesBySite.values().stream().mapToLong(Long::longValue).sum();
    }

    public static AllocationSites read(Path recording) throws IOException {
        Map<String, Long> bySite = new HashMap<>();
        Map<String, Long> byComponentMethod = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                bySite.merge(site(frames), event.getLong("weight"), Long::sum);
                byComponentMethod.merge(componentMethod(frames), event.getLong("weight"), Long::sum);
            }
        }
        return new AllocationSites(bySite, byComponentMethod);
    }

    /** The first frame outside the JDK, and the component method it was serving when that is a different one. */
    static String site(List<RecordedFrame> frames) {
        String library = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            String method = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            if (library == null) {
                library = method;
            }
            if (isComponent(type)) {
                return library.equals(method) ? method : library + " (from " + method + ")";
            }
        }
        if (library != null) {
            return library;
        }
        return frames.isEmpty() ? "(no frames)" : frames.get(0).getMethod().getType().getName();
    }

    /** The innermost component method on the stack, or "outside the component" (e.g. exchange creation). */
    static String componentMethod(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (isComponent(type)) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return "outside the component";
    }

    /** Shares by component method (stable from run to run), then the largest single sites, as Markdown tables. */
    public String markdown(int limit) {
        return table("component method that allocated (its library calls included)", bytesByComponentMethod, limit)
                + "\n" + table("allocation site (first frame outside the JDK, and the component method it served)",
                        bytesBySite, limit);
    }

    private String table(String heading, Map<String, Long> bytes, int limit) {
        StringBuilder md = new StringBuilder("| " + heading + " | share of sampled bytes |\n|---|---:|\n");
        bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(),
                        100.0 * e.getValue() / total)));
        return md.toString();
    }

    private static boolean isComponent(String type) {
        return type.startsWith(PROJECT_PACKAGE) && !type.startsWith(BENCHMARKS_PACKAGE);
    }
}
