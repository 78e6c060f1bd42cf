package io.github.camelpreservica.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The component pages in {@code docs/} ({@code <scheme>-component.adoc}) and the component JSON files they are
 * generated from. Each page holds three generated regions between Camel's marker comments, and the document
 * attributes of {@link PageAttributes}; everything else on the page is written by hand and left alone.
 */
final class ComponentPages {

    static final String REGENERATE_COMMAND = "mvn -B -ntp -pl camel-preservica test-compile exec:java@update-docs";

    /**
     * What a region holds while its component is still being written: the page may exist before the JSON does,
     * and the check accepts that only while every region still says so.
     */
    static final String AWAITING_COMPONENT = "This table is generated from the component JSON once the component is built.\n";

    private static final String PAGE_SUFFIX = "-component.adoc";

    /** The generated regions, by Camel's marker names, in page order. */
    private static final Map<String, Function<ComponentJson, String>> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put("component options", OptionsTables::componentOptions);
        REGIONS.put("endpoint options", OptionsTables::endpointOptions);
        REGIONS.put("component headers", OptionsTables::headers);
    }

    private final Path generatedResources;
    private final Path docs;

    ComponentPages(Path generatedResources, Path docs) {
        this.generatedResources = generatedResources.toAbsolutePath().normalize();
        this.docs = docs.toAbsolutePath().normalize();
    }

    /** The module's own folders, from the module directory (Maven's {@code basedir}). */
    static ComponentPages ofModule(Path moduleDir) {
        return new ComponentPages(moduleDir.resolve("src/generated/resources"),
                moduleDir.resolve("../docs").normalize());
    }

    Path pageOf(ComponentJson component) {
        return docs.resolve(component.scheme() + PAGE_SUFFIX);
    }

    /** Every disagreement between the pages and the JSON files, each as one sentence that says what to do. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<Path> pagesWithJson = new TreeSet<>();
        for (ComponentJson component : components()) {
            Path page = pageOf(component);
            pagesWithJson.add(page);
            if (!Files.isRegularFile(page)) {
                problems.add("Component '" + component.scheme() + "' (" + show(component.source())
                        + ") has no page: create "
                        + show(page) + " with the regions " + markerList() + ", then run `" + REGENERATE_COMMAND + "`");
                continue;
            }
            String text = readPage(page);
            for (Map.Entry<String, String> attribute : PageAttributes.of(component).entrySet()) {
                String current = PageAttributes.valueIn(text, attribute.getKey());
                if (current == null) {
                    problems.add(show(page) + ": the attribute line ':" + attribute.getKey() + ":' is missing");
                } else if (!current.equals(attribute.getValue())) {
                    problems.add(show(page) + " is out of date with the component JSON (attribute ':"
                            + attribute.getKey()
                            + ":' differs from " + show(component.source()) + "): run `" + REGENERATE_COMMAND + "`");
                }
            }
            for (Map.Entry<String, Function<ComponentJson, String>> region : REGIONS.entrySet()) {
                String current;
                try {
                    current = GeneratedRegion.of(region.getKey()).contentIn(text);
                } catch (IllegalArgumentException e) {
                    problems.add(show(page) + ": " + e.getMessage());
                    continue;
                }
                if (!current.equals(region.getValue().apply(component))) {
                    problems.add(show(page) + " is out of date with the component JSON (region '" + region.getKey()
                            + "' differs from " + show(component.source()) + "): run `" + REGENERATE_COMMAND + "`");
                }
            }
        }
        for (Path page : pages()) {
            if (!pagesWithJson.contains(page) && !isAwaitingItsComponent(page)) {
                String scheme = page.getFileName().toString().replace(PAGE_SUFFIX, "");
                problems.add(
                        show(page) + " documents component '" + scheme + "' but no component JSON for it exists under "
                                + show(generatedResources) + ": build the component, or remove the page");
            }
        }
        return problems;
    }

    /** Rewrites the generated regions of every page that has a JSON; returns the pages that changed. */
    List<Path> update() {
        List<Path> changed = new ArrayList<>();
        for (ComponentJson component : components()) {
            Path page = pageOf(component);
            if (!Files.isRegularFile(page)) {
                throw new IllegalStateException("Component '" + component.scheme() + "' has no page: create " + page
                        + " with the regions " + markerList());
            }
            String before = readPage(page);
            String after = before;
            for (Map.Entry<String, String> attribute : PageAttributes.of(component).entrySet()) {
                after = PageAttributes.replaceIn(after, attribute.getKey(), attribute.getValue());
            }
            for (Map.Entry<String, Function<ComponentJson, String>> region : REGIONS.entrySet()) {
                after = GeneratedRegion.of(region.getKey()).replaceIn(after, region.getValue().apply(component));
            }
            if (!after.equals(before)) {
                writePage(page, after);
                changed.add(page);
            }
        }
        return changed;
    }

    private boolean isAwaitingItsComponent(Path page) {
        String text = readPage(page);
        try {
            for (String region : REGIONS.keySet()) {
                if (!AWAITING_COMPONENT.equals(GeneratedRegion.of(region).contentIn(text))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<Path> pages() {
        if (!Files.isDirectory(docs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(docs)) {
            return files.filter(file -> file.getFileName().toString().endsWith(PAGE_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the pages in " + docs, e);
        }
    }

    /** A path as a reader of the message finds it: relative to the repository root (the parent of docs/). */
    private String show(Path path) {
        Path root = docs.getParent();
        return root != null && path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    /** The component JSON files this instance reads. */
    List<ComponentJson> components() {
        return ComponentJson.findAll(generatedResources);
    }

    private static String markerList() {
        return String.join(", ", REGIONS.keySet().stream().map(name -> "'// " + name + ": START/END'").toList());
    }

    private static String readPage(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + page, e);
        }
    }

    private static void writePage(Path page, String text) {
        try {
            Files.writeString(page, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + page, e);
        }
    }
}
