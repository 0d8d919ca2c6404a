package dev.explainer.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many links from other pages reach each output file, for finding pages nothing links to.
 * Kept by the render cache and updated page by page: counting every link of a 10,000-page site
 * again after each edit would cost more than the edit's render.
 */
final class LinkCounts {
    private final Map<String, Integer> linksInto = new HashMap<>();

    /** Counts (delta 1) or uncounts (-1) the links out of the page at {@code outputFile}. */
    void count(String outputFile, PageLinks links, int delta) {
        for (String target : links.linksTo()) {
            if (!target.equals(outputFile)) {
                linksInto.merge(target, delta, (a, b) -> a + b == 0 ? null : a + b);
            }
        }
    }

    /** Whether another page links to the output file. */
    boolean linked(String outputFile) {
        return linksInto.containsKey(outputFile);
    }

    /** The output files other pages link to. */
    Set<String> linkedFiles() {
        return java.util.Collections.unmodifiableSet(linksInto.keySet());
    }
}
