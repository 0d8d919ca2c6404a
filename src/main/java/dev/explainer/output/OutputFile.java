package dev.explainer.output;

import java.nio.file.Path;

/**
 * A file of the built site: its path below the output folder and where its bytes come from. What
 * the write stage writes and the preview serves; {@link SiteFiles} makes the list from the render
 * stage's result and the assets.
 */
public sealed interface OutputFile {

    String path();

    /** A file whose bytes were produced by the build (a page, the sitemap, a stylesheet without its comments). */
    record Generated(String path, byte[] bytes) implements OutputFile {
    }

    /** A file copied unchanged from the templates' assets. */
    record Copied(String path, Path source) implements OutputFile {
    }
}
