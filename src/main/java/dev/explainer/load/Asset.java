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
 * @param origin     its path in the source folder, as messages name it ({@code templates/assets/style.css},
 *                   {@code content/static/favicon.ico})
 */
public record Asset(Path source, String sitePath, String outputPath, String origin) {
    /** An asset of {@code templates/}. */
    public Asset(Path source, String sitePath, String outputPath) {
        this(source, sitePath, outputPath, SourceLayout.TEMPLATES + "/" + sitePath);
    }

    /**
     * Whether it comes from {@code content/} (a root static file) rather than from the templates'
     * assets: published under the name an editor gave it, so its address is checked as a page's is.
     */
    public boolean fromContent() {
        return origin.startsWith(SourceLayout.CONTENT + "/");
    }
}
