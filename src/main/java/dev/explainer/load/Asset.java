package dev.explainer.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file published in the output: copied unchanged, or as the bytes the load made of it.
 *
 * @param source     where it is now
 * @param sitePath   the path templates and Markdown link to ({@code assets/style.css})
 * @param outputPath the path it is written to: the same, or for stylesheets and scripts, with a
 *                   hash of the published bytes in the name ({@code assets/style.3f9a0c1d2e.css}),
 *                   so that it can be cached for a year and still never be stale
 * @param origin     its path in the source folder, as messages name it ({@code templates/assets/style.css},
 *                   {@code content/static/favicon.ico})
 * @param published  the bytes published instead of the file's own (a stylesheet's without its
 *                   comments), read once, so that the build, a rebuild and the preview publish the
 *                   bytes the name's hash was made from; empty for a file copied as it is
 */
public record Asset(Path source, String sitePath, String outputPath, String origin, Optional<byte[]> published) {
    /** A file copied as it is. */
    public Asset(Path source, String sitePath, String outputPath, String origin) {
        this(source, sitePath, outputPath, origin, Optional.empty());
    }

    /** An asset of {@code templates/}, copied as it is. */
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

    /** Equal to an asset at the same places with the same published bytes (a rebuild reuses what depends on it). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Asset asset && source.equals(asset.source) && sitePath.equals(asset.sitePath)
                && outputPath.equals(asset.outputPath) && origin.equals(asset.origin)
                && published.isPresent() == asset.published.isPresent()
                && Arrays.equals(published.orElse(null), asset.published.orElse(null));
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, sitePath, outputPath, origin) * 31 + published.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "Asset[" + origin + " as " + outputPath + published.map(bytes -> ", " + bytes.length + " bytes").orElse("") + "]";
    }
}
