package dev.explainer.pipeline;

import dev.explainer.parallel.Cancellation;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run is asked to do.
 *
 * @param sourceDir the folder holding {@code content/} and {@code templates/}
 * @param output    where to write the site; empty to check only
 * @param baseUrl   publish at this URL instead of the config's {@code base_url}
 * @param drafts    include entries marked {@code draft: true}
 * @param strict    treat warnings as errors
 * @param cancellation raised by another thread when the run's result is no longer wanted
 */
public record BuildOptions(Path sourceDir, Optional<Path> output, Optional<URI> baseUrl, boolean drafts, boolean strict,
                           Cancellation cancellation) {

    /** A run that nothing cancels. */
    public BuildOptions(Path sourceDir, Optional<Path> output, Optional<URI> baseUrl, boolean drafts, boolean strict) {
        this(sourceDir, output, baseUrl, drafts, strict, new Cancellation());
    }

    public static BuildOptions check(Path sourceDir) {
        return new BuildOptions(sourceDir, Optional.empty(), Optional.empty(), false, false);
    }

    public static BuildOptions build(Path sourceDir, Path output) {
        return new BuildOptions(sourceDir, Optional.of(output), Optional.empty(), false, false);
    }
}
