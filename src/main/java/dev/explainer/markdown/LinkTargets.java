package dev.explainer.markdown;

import dev.explainer.load.ImageFile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What internal links in Markdown may point at: the site's pages and assets, by site path. */
public interface LinkTargets {

    /**
     * The output file of the page or asset at {@code sitePath} (such as {@code /parties/russia/}
     * or {@code /assets/map.png}), relative to the site root: {@code parties/russia/index.html}.
     * The path is normalised first, so {@code /parties/russia} finds the page too.
     */
    Optional<Target> find(String sitePath);

    /**
     * Whether a path that {@link #find} does not know may still belong to an entry that could
     * not be read; a link to it is then not reported, since the reading error already is.
     */
    default boolean mayBeUnread(String sitePath) {
        return false;
    }

    /** Whether the path belongs to a draft, which the published site leaves out. */
    default boolean isDraft(String sitePath) {
        return false;
    }

    /**
     * The image file at {@code path} below the source folder ({@code content/countries/map.png}),
     * whether or not it can be published; empty if {@code content/} has none there.
     */
    default Optional<ImageFile> image(String path) {
        return Optional.empty();
    }

    /** The paths of every image file of {@code content/}, for "did you mean" hints. */
    default Collection<String> imagePaths() {
        return List.of();
    }

    /** The folder below {@code content/} of images shared by entries, if the site declares one. */
    default Optional<String> mediaFolder() {
        return Optional.empty();
    }

    /** Every site path, for "did you mean" hints. */
    Collection<String> paths();

    /** A page or asset found by its site path. */
    record Target(String sitePath, String outputFile, boolean page) {
    }
}
