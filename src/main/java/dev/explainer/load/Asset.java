package dev.explainer.load;

import java.nio.file.Path;

/**
 * A file copied unchanged into the output.
 *
 * @param source     where it is now
 * @param sitePath   the path templates and Markdown link to ({@code assets/style.css})
 * @param outputPath the path it is written to: the same, or for stylesheets and scripts, with a
 *                   hash of the content in the name ({@code assets/style.3f9a0c1d2e.css}), so that
 *                   it can be cached for a year and still never be stale
 */
public record Asset(Path source, String sitePath, String outputPath) {
}
