package io.github.camelpreservica.docs;

/**
 * A region of a page between two marker lines, {@code // <name>: START} and {@code // <name>: END}, as on Camel's
 * component pages. The markers stay in place; only the lines between them are generated.
 */
final class GeneratedRegion {

    private final String name;
    private final String start;
    private final String end;

    private GeneratedRegion(String name) {
        this.name = name;
        this.start = "// " + name + ": START\n";
        this.end = "// " + name + ": END\n";
    }

    static GeneratedRegion of(String name) {
        return new GeneratedRegion(name);
    }

    /** The lines between the markers. */
    String contentIn(String page) {
        int[] bounds = bounds(page);
        return page.substring(bounds[0], bounds[1]);
    }

    /** The page with the lines between the markers replaced by {@code content}. */
    String replaceIn(String page, String content) {
        int[] bounds = bounds(page);
        return page.substring(0, bounds[0]) + content + page.substring(bounds[1]);
    }

    private int[] bounds(String page) {
        int startAt = lineIndex(page, start, 0);
        if (startAt < 0) {
            throw new IllegalArgumentException("the marker line '" + start.strip() + "' is missing");
        }
        if (lineIndex(page, start, startAt + start.length()) >= 0) {
            throw new IllegalArgumentException("the marker line '" + start.strip() + "' appears twice");
        }
        int contentStart = startAt + start.length();
        int endAt = lineIndex(page, end, contentStart);
        if (endAt < 0) {
            throw new IllegalArgumentException(
                    "the marker line '" + end.strip() + "' is missing after '" + start.strip() + "' (region '" + name
                            + "')");
        }
        return new int[]{ contentStart, endAt };
    }

    /** Where {@code line} occurs as a whole line at or after {@code from}, or -1. */
    private static int lineIndex(String page, String line, int from) {
        int at = page.indexOf(line, from);
        while (at > 0 && page.charAt(at - 1) != '\n') {
            at = page.indexOf(line, at + 1);
        }
        return at;
    }
}
