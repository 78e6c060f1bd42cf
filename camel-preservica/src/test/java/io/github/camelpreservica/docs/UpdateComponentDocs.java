package io.github.camelpreservica.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites the generated tables of the component pages in {@code docs/} from the component JSON files. Run it
 * after changing an option, a header or their javadoc:
 *
 * <pre>
 * mvn -B -ntp -pl camel-preservica test-compile exec:java@update-docs
 * </pre>
 *
 * Arguments: the folder holding the generated component JSON ({@code camel-preservica/src/generated/resources})
 * and the docs folder; without arguments both are found from the working directory (the module or the
 * repository root).
 */
public final class UpdateComponentDocs {

    private UpdateComponentDocs() {
    }

    public static void main(String[] args) {
        ComponentPages pages = args.length == 2
                ? new ComponentPages(Path.of(args[0]), Path.of(args[1]))
                : ComponentPages.ofModule(moduleDir(Path.of("").toAbsolutePath()));
        List<Path> changed = pages.update();
        if (changed.isEmpty()) {
            System.out.println("Component pages are up to date with the component JSON.");
        } else {
            changed.forEach(page -> System.out.println("Updated " + page));
        }
        List<String> problems = pages.problems();
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            throw new IllegalStateException(problems.size() + " problem(s) remain in the component pages; see above");
        }
    }

    /** The camel-preservica module directory, from a working directory that is either it or the repository root. */
    static Path moduleDir(Path workingDir) {
        Path nested = workingDir.resolve("camel-preservica");
        return nested.resolve("pom.xml").toFile().isFile() ? nested : workingDir;
    }
}
