package dev.explainer.load;

import java.nio.file.Path;

/** A file copied unchanged into the output: where it is now and its path in the site. */
public record Asset(Path source, String outputPath) {
}
