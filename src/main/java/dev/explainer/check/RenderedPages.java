package dev.explainer.check;

import java.util.Set;

/**
 * What the checks after rendering need to know of the rendered pages: the render stage has it
 * (it reads every page's links and ids as it writes them), the checks say what is wrong with it.
 */
public interface RenderedPages {
    /** Whether the page at {@code sitePath} rendered; one that failed is reported as such and checked no further. */
    boolean rendered(String sitePath);

    /** Whether a page other than the one written to {@code outputFile} links to that file. */
    boolean linkedFromAnotherPage(String outputFile);

    /** The ids of the elements of the rendered page at {@code sitePath}. */
    Set<String> idsOn(String sitePath);
}
